package dev.jcompose.api;

import java.time.Instant;
import java.util.List;

/**
 * What {@code watch} did about changed files.
 *
 * @param service the service acted on
 * @param kind    what was done
 * @param paths   the container paths copied or deleted (or the host paths that caused a
 *                rebuild or restart)
 * @param detail  for {@link Kind#FAILED}, why; else empty
 */
public record WatchEvent(Instant time, String service, Kind kind, List<String> paths,
        String detail) {

    public WatchEvent {
        paths = List.copyOf(paths);
    }

    /** What was done. */
    public enum Kind {
        /** watching started for the service */
        WATCHING,
        /** files copied into the service's running containers */
        SYNCED,
        /** files deleted from them */
        DELETED,
        /** the service's image rebuilt and its containers recreated */
        REBUILT,
        /** its containers restarted */
        RESTARTED,
        /** the sync+exec command ran in its containers */
        EXECUTED,
        /** a late-started container given the current files */
        CAUGHT_UP,
        /** an action failed; watching goes on */
        FAILED
    }
}
