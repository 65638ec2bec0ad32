package dev.jcompose.api.local;

import dev.jcompose.api.BuildOptions;
import dev.jcompose.api.ComposeException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code build} asks that the engine's classic builder (the one jcompose drives) cannot
 * do, as compose v2 treats it without BuildKit: a buildx builder's name and SSH forwarding are
 * accepted and ignored (compose v2 ignores them silently; jcompose says so). A malformed
 * {@code --ssh} is refused in compose v2's words first.
 */
final class ClassicBuilder {

    private ClassicBuilder() {
    }

    /** The warnings for what {@code options} ask that is ignored; throws on a bad --ssh. */
    static List<String> ignored(BuildOptions options) {
        List<String> out = new ArrayList<>();
        if (options.ssh() != null) {
            String ssh = options.ssh();
            if (!ssh.contains("=") && !ssh.equals("default")) {
                throw new ComposeException("invalid ssh key \"" + ssh + "\" (--ssh takes "
                        + "default or ID=PATH)");
            }
            out.add("--ssh " + ssh + " is ignored: forwarding SSH to a build needs a BuildKit "
                    + "session, and jcompose builds with the engine's classic builder");
        }
        if (options.builderName() != null && !options.builderName().isEmpty()) {
            out.add("--builder " + options.builderName() + " is ignored: jcompose builds with the "
                    + "engine's classic builder, not a buildx builder");
        }
        return out;
    }
}
