package dev.jcompose.cli.progress;

import dev.jcompose.cli.Console;
import dev.jcompose.planner.progress.ProgressListener;
import java.io.IOException;
import java.util.Set;

/** Chooses the progress renderer once, at the edge, from {@code --progress}. */
public final class ProgressRenderers {

    /** The values {@code --progress} takes. */
    public static final Set<String> MODES = Set.of("auto", "tty", "plain", "json", "quiet");

    private ProgressRenderers() {
    }

    /**
     * The renderer for {@code mode}: {@code auto} is {@code tty} when stderr is a terminal,
     * {@code TERM} is not {@code dumb} and {@code CI} is unset, else {@code plain}. A terminal
     * that cannot be opened falls back to {@code plain}.
     */
    public static ProgressListener create(String mode, Console console, boolean colour) {
        String m = mode == null ? "auto" : mode;
        if (m.equals("auto")) {
            m = console.errIsTerminal() && !"dumb".equals(console.env().get("TERM"))
                    && console.env().get("CI") == null ? "tty" : "plain";
        }
        return switch (m) {
            case "quiet" -> ProgressListener.NONE;
            case "json" -> new JsonRenderer(console.err());
            case "tty" -> {
                try {
                    yield TtyRenderer.onStderr(colour);
                } catch (IOException | RuntimeException e) {
                    yield new PlainRenderer(console.err());
                }
            }
            default -> new PlainRenderer(console.err());
        };
    }
}
