package dev.jcompose.planner;

/**
 * The labels docker compose v2 puts on what it creates. We use the same ones, so
 * {@code docker compose ps} sees our containers and we see theirs.
 */
public final class Labels {

    private static final String PREFIX = "com.docker.compose.";

    public static final String PROJECT = PREFIX + "project";
    public static final String SERVICE = PREFIX + "service";
    public static final String CONTAINER_NUMBER = PREFIX + "container-number";
    public static final String ONEOFF = PREFIX + "oneoff";
    public static final String CONFIG_HASH = PREFIX + "config-hash";
    public static final String VERSION = PREFIX + "version";
    public static final String WORKING_DIR = PREFIX + "project.working_dir";
    public static final String CONFIG_FILES = PREFIX + "project.config_files";
    public static final String ENVIRONMENT_FILE = PREFIX + "project.environment_file";
    public static final String DEPENDS_ON = PREFIX + "depends_on";
    public static final String IMAGE = PREFIX + "image";
    public static final String REPLACE = PREFIX + "replace";
    public static final String NETWORK = PREFIX + "network";
    public static final String VOLUME = PREFIX + "volume";
    public static final String SLUG = PREFIX + "slug";
    /**
     * On networks jcompose creates, the hash of their configuration. Not compose's
     * config-hash label: the two tools hash differently, and neither should recreate the
     * other's networks on sight.
     */
    public static final String NETWORK_HASH = "dev.jcompose.network-config-hash";
    /** On a pre_start hook's container: {@code pre_start}; with its index in the service. */
    public static final String HOOK = PREFIX + "hook";
    public static final String HOOK_INDEX = PREFIX + "hook.index";

    /** The compose version we report in {@link #VERSION}: the v2 line our labels follow. */
    public static final String COMPOSE_VERSION = "2.26.1";

    private Labels() {
    }

    /**
     * Whether {@code labels} carry all of {@code wanted}, as the engine's label filter selects:
     * {@code key=value}, or the key with any value when the wanted value is null or empty.
     */
    public static boolean selected(java.util.Map<String, String> labels,
            java.util.Map<String, String> wanted) {
        for (java.util.Map.Entry<String, String> e : wanted.entrySet()) {
            String v = labels.get(e.getKey());
            if (v == null || (e.getValue() != null && !e.getValue().isEmpty()
                    && !e.getValue().equals(v))) {
                return false;
            }
        }
        return true;
    }
}
