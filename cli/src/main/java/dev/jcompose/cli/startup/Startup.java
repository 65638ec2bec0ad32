package dev.jcompose.cli.startup;

import dev.jcompose.api.ComposeTarget;
import dev.jcompose.api.ProjectLoader;
import dev.jcompose.cli.Console;
import java.util.function.Supplier;

/**
 * What a command line starts on the idle core before picocli reads it: the engine warm-up for
 * commands that talk to the engine ({@link EngineWarmUp}), the parse of the file {@code config}
 * will print for {@code config}.
 */
public final class Startup {

    private Startup() {
    }

    /**
     * Starts the work ahead for {@code args}.
     *
     * @return the listing {@code ps} answers from (empty unless the command is ps)
     */
    public static PsPrefetch begin(Console console, Supplier<ComposeTarget> target,
            String... args) {
        PsPrefetch prefetch = EngineWarmUp.start(target, args);
        if ("config".equals(EngineWarmUp.subcommand(args)) && !EngineWarmUp.choosesFiles(args)) {
            // the file config will print, parsed on the idle core while picocli reads the
            // command line; ps and up gained nothing from it: their second core is the engine
            // warm-up's
            ProjectLoader.parseAhead(console.workingDir(), console.env());
        }
        return prefetch;
    }
}
