package dev.jcompose.cli;

import dev.jcompose.api.DockerCliConfig;
import dev.jcompose.cli.plugin.PluginInstall;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code install-plugin}: makes {@code docker compose} run jcompose. */
@Command(name = "install-plugin",
        description = "Install jcompose as the docker CLI's compose plugin: `docker compose ...` "
                + "then runs jcompose (in $DOCKER_CONFIG/cli-plugins, default ~/.docker).")
public final class InstallPluginCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--system", description = "For every user: in "
            + "/usr/local/lib/docker/cli-plugins.")
    boolean system;

    @Option(names = "--force", description = "Move another compose plugin found there aside "
            + "(docker-compose.before-jcompose).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path dir = system ? PluginInstall.SYSTEM_DIR
                : DockerCliConfig.directory(root.console().env()).resolve("cli-plugins");
        PluginInstall.Outcome o;
        try {
            o = PluginInstall.install(dir, PluginInstall.launcher(), force);
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage(), ExitCodes.FAILURE);
        }
        PrintWriter out = root.console().out();
        if (o.movedAside() != null) {
            out.println("moved the plugin that was there to " + o.movedAside());
        }
        out.println((o.alreadyThere() ? "already installed: " : "installed: ") + o.plugin()
                + " -> " + o.launcher());
        out.println("`docker compose` now runs jcompose (check: docker compose version)");
        out.flush();
        return ExitCodes.OK;
    }
}
