package dev.jcompose.cli.progress;

import dev.jcompose.cli.Console;
import dev.jcompose.planner.progress.ProgressListener;

/** Chooses the progress renderer once, at the edge, from {@code --progress}. */
public final class ProgressRenderers {

    private ProgressRenderers() {
    }

    public static ProgressListener create(String mode, Console console) {
        return switch (mode == null ? "auto" : mode) {
            case "quiet" -> ProgressListener.NONE;
            default -> new PlainRenderer(console.err());
        };
    }
}
