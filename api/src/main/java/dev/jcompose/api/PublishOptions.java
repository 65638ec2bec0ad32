package dev.jcompose.api;

/**
 * What {@code publish} pushes, and where.
 *
 * @param repository      {@code REGISTRY/REPOSITORY[:TAG]} of the artifact
 * @param withEnvironment also publish the services' env files (after asking)
 * @param ociVersion      {@code 1.0}, {@code 1.1}, or null: 1.1, else 1.0 for registries that
 *                        refuse it
 * @param insecureRegistry plain HTTP to the registry
 * @param composeVersion  the compose release named in the artifact's annotations
 * @param dryRun          check and say what would be published; publish nothing
 * @param resolveImageDigests pin each service's image to the digest its registry has for it
 *                        (an {@code image-digests.yaml} override in the artifact)
 */
public record PublishOptions(String repository, boolean withEnvironment, String ociVersion,
        boolean insecureRegistry, String composeVersion, boolean dryRun,
        boolean resolveImageDigests) {

    /** To {@code repository}, without env files, OCI version chosen by the registry. */
    public static PublishOptions to(String repository, String composeVersion) {
        return new PublishOptions(repository, false, null, false, composeVersion, false, false);
    }

    public PublishOptions withEnvironment(boolean on) {
        return new PublishOptions(repository, on, ociVersion, insecureRegistry, composeVersion,
                dryRun, resolveImageDigests);
    }

    public PublishOptions withResolveImageDigests(boolean on) {
        return new PublishOptions(repository, withEnvironment, ociVersion, insecureRegistry,
                composeVersion, dryRun, on);
    }
}
