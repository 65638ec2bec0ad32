package dev.jcompose.junit5;

import dev.jcompose.planner.fake.BaseImage;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Builds the local base image the test stacks use before any test class starts its stack (no
 * registry is reachable here). Registered in META-INF/services.
 */
public final class EnsureBaseImage implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BaseImage.ensure();
    }
}
