package dev.jcompose.cli;

import dev.jcompose.api.PublishOptions;
import dev.jcompose.model.Project;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code publish REPOSITORY[:TAG]}: the compose files as an OCI artifact, which
 * {@code -f oci://REPOSITORY[:TAG]} runs from anywhere; asks before publishing bind mounts,
 * secret-looking values and env files ({@code -y} answers yes).
 */
@Command(name = "publish", description = "Publish the compose application as an OCI artifact.",
        footer = {"", "Examples:",
            "  jcompose publish registry.example.com/team/app:1.0",
            "  jcompose publish --with-env -y localhost:5000/app:dev   env files too, no questions",
            "  jcompose publish --resolve-image-digests registry.example.com/team/app:1.0",
            "                                  each service's image pinned to its digest",
            "  jcompose -f oci://registry.example.com/team/app:1.0 up -d   run it anywhere"})
public final class PublishCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = "--with-env", description = "Include the env files in the published OCI "
            + "artifact (after asking).")
    boolean withEnv;

    @Option(names = {"-y", "--yes"}, description = "Assume \"yes\" as answer to all prompts.")
    boolean yes;

    @Option(names = "--resolve-image-digests", description = "Pin each service's image to "
            + "the digest its registry has for it (an image-digests.yaml override in the "
            + "artifact; the images must be in their registries).")
    boolean resolveImageDigests;

    @Option(names = "--oci-version", paramLabel = "1.0|1.1", description = "OCI image/artifact "
            + "specification version (default: 1.1, else 1.0 when the registry refuses it).")
    String ociVersion;

    @Option(names = "--insecure-registry", hidden = true, description = "Plain HTTP.")
    boolean insecure;

    @Option(names = "--dry-run", description = "Check and say what would be published.")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(index = "0", paramLabel = "REPOSITORY[:TAG]")
    String repository;

    @Override
    public Integer call() throws Exception {
        if (ociVersion != null && !ociVersion.equals("1.0") && !ociVersion.equals("1.1")) {
            throw CommandException.usage("--oci-version must be 1.0 or 1.1, not " + ociVersion);
        }
        Project project = root.loader().load(java.util.List.of());
        PublishOptions options = new PublishOptions(repository, withEnv, ociVersion, insecure,
                Versions.composeCompatible(), dryRun, resolveImageDigests);
        BufferedReader in = new BufferedReader(new InputStreamReader(root.console().in(),
                StandardCharsets.UTF_8));
        PrintWriter err = root.console().err();
        String digest = root.service().publish(project, options, question -> {
            if (yes) {
                return true;
            }
            root.finish();
            err.print(question + " [y/N] ");
            err.flush();
            try {
                String answer = in.readLine();
                return answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT)
                        .matches("y|yes");
            } catch (IOException e) {
                return false;
            }
        });
        if (digest == null && !dryRun) {
            throw new CommandException("publish canceled: nothing was published (answer yes, "
                    + "or pass -y)", ExitCodes.FAILURE);
        }
        return ExitCodes.OK;
    }
}
