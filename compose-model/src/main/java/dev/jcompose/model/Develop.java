package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/** {@code develop:} of a service: what {@code watch} does when files change. */
public record Develop(List<Watch> watch, @Yaml.Extensions Map<String, Object> extensions) {

    public Develop {
        watch = Coll.list(watch);
        extensions = Coll.map(extensions);
    }

    /** What a watch rule does with a change under its path. */
    public enum Action {
        SYNC("sync"), REBUILD("rebuild"), RESTART("restart"), SYNC_RESTART("sync+restart"),
        SYNC_EXEC("sync+exec");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        /** The action's name in the file. */
        public String key() {
            return key;
        }

        /** Whether changed files are copied into the containers. */
        public boolean syncs() {
            return this == SYNC || this == SYNC_RESTART || this == SYNC_EXEC;
        }

        /** The action named {@code key} in the file. */
        public static Action of(String key) {
            for (Action a : values()) {
                if (a.key.equals(key)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("not a watch action: " + key);
        }
    }

    /**
     * One {@code develop.watch} rule.
     *
     * @param path        the host file or folder watched (absolute)
     * @param action      sync, rebuild, restart, sync+restart or sync+exec
     * @param target      where {@code path} is in the container (sync actions)
     * @param ignore      .dockerignore patterns, relative to {@code path}, of changes to skip
     * @param include     when set, only changes matching one of these patterns count
     * @param initialSync copy the whole path into the containers when watching starts
     * @param exec        the command {@code sync+exec} runs after each sync
     */
    public record Watch(String path, String action, String target, List<String> ignore,
            List<String> include, Boolean initialSync, Hook exec,
            @Yaml.Extensions Map<String, Object> extensions) {

        public Watch {
            ignore = Coll.list(ignore);
            include = Coll.list(include);
            extensions = Coll.map(extensions);
        }

        public Action kind() {
            return Action.of(action);
        }

        public boolean initialSyncOn() {
            return Boolean.TRUE.equals(initialSync);
        }
    }
}
