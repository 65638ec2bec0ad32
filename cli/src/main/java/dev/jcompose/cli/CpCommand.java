package dev.jcompose.cli;

import dev.jcompose.api.CopyOptions;
import dev.jcompose.api.ProcessStreams;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cp}: files between a service's containers and the local file system, with
 * {@code docker cp}'s rules: into every container of the service (or {@code --index}'s), out of
 * the first; {@code -} is a tar stream on standard input or output.
 */
@Command(name = "cp", description = "Copy files/folders between a service container and the "
        + "local filesystem.",
        customSynopsis = {"Usage: jcompose cp [OPTIONS] SERVICE:SRC_PATH DEST_PATH|-",
            "       jcompose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH"},
        footer = {"", "Examples:",
            "  jcompose cp web:/etc/nginx/nginx.conf .      a file out of web's first container",
            "  jcompose cp ./site/. web:/usr/share/html     a folder's contents into every web",
            "  jcompose cp --index 2 web:/var/log logs      out of container 2, as folder logs",
            "  jcompose cp web:/data - | tar t              a tar stream on standard output",
            "  tar c conf | jcompose cp - web:/etc          a tar stream into a folder"})
public final class CpCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid "
            + "information).")
    boolean archive;

    @Option(names = {"-L", "--follow-link"}, description = "Always follow a symbolic link in "
            + "SRC_PATH.")
    boolean followLink;

    @Option(names = "--all", description = "Include containers created by the run command.")
    boolean all;

    @Mixin
    IndexOption index;

    @Option(names = "--dry-run", description = "Say what would be copied; copy nothing.")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "DESTINATION")
    String destination;

    @Override
    public Integer call() throws Exception {
        String name = root.loader().projectName();
        CopyOptions options = CopyOptions.of(source, destination).withIndex(index.index)
                .withAll(all).withFollowLink(followLink).withCopyUidGid(archive)
                .withWorkingDir(root.console().workingDir()).withDryRun(dryRun);
        root.console().out().flush();
        root.service().copy(name, options, new ProcessStreams(root.console().in(),
                root.console().bytesOut(), null));
        return ExitCodes.OK;
    }
}
