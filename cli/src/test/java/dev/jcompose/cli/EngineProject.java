package dev.jcompose.cli;

import dev.jcompose.planner.fake.BaseImage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's projects on the real engine ({@code @RegisterExtension}): a unique name, the base
 * image built before the test, and everything of the project (and of the names made from it)
 * removed after.
 */
final class EngineProject implements BeforeEachCallback, AfterEachCallback {

    private final String name;
    private final List<String> names = new ArrayList<>();

    EngineProject(String prefix) {
        this.name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        names.add(name);
    }

    /** The project's name. */
    String name() {
        return name;
    }

    /** Another project of the test, {@code name-suffix}, removed after it too. */
    String related(String suffix) {
        String other = name + "-" + suffix;
        names.add(other);
        return other;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BaseImage.ensure();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        names.forEach(Cleanup::project);
    }
}
