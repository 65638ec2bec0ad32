package dev.jcompose.cli.startup;

import dev.jcompose.api.ComposeTarget;
import dev.jcompose.cli.Console;
import java.util.function.Supplier;

/**
 * What a command line starts on the idle core before picocli reads it: the engine warm-up for
 * commands that talk to the engine ({@link EngineWarmUp}), the parse of the file {@code config}
 * will print for {@code config} ({@link ParseAhead}).
 *
 * @param prefetch the listing {@code ps} answers from (empty unless the command is ps)
 * @param parsed   the parse the project's load takes (none unless the command is config)
 */
public record Startup(PsPrefetch prefetch, ParseAhead parsed) {

    /** Nothing started. */
    public static Startup none() {
        return new Startup(new PsPrefetch(), ParseAhead.none());
    }

    /** Starts the work ahead for {@code args}. */
    public static Startup begin(Console console, Supplier<ComposeTarget> target,
            String... args) {
        PsPrefetch prefetch = EngineWarmUp.start(target, args);
        // the file config will print, parsed on the idle core while picocli reads the command
        // line; ps and up gained nothing from it: their second core is the engine warm-up's
        boolean config = "config".equals(EngineWarmUp.subcommand(args))
                && !EngineWarmUp.choosesFiles(args);
        return new Startup(prefetch, config
                ? ParseAhead.start(console.workingDir(), console.env()) : ParseAhead.none());
    }
}
