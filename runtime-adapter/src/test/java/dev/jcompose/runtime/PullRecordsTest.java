package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our record of when images were pulled. */
class PullRecordsTest {

    @TempDir
    Path dir;

    @Test
    void aRecordHoldsWhileTheReferenceNamesTheSameImage() {
        PullRecords records = PullRecords.fromEnvironment(Map.of("XDG_STATE_HOME",
                dir.toString()));
        assertEquals(dir.resolve("jcompose/pulls.properties"), records.file());
        Instant at = Instant.parse("2025-05-05T05:05:05Z");
        records.record("unix:///var/run/docker.sock", "reg:5000/app:1", "sha256:aaa", at);
        assertEquals(Optional.of(at), records.pulledAt("unix:///var/run/docker.sock",
                "reg:5000/app:1", "sha256:aaa"));
        assertEquals(Optional.empty(), records.pulledAt("unix:///var/run/docker.sock",
                "reg:5000/app:1", "sha256:bbb"), "the reference names another image now");
        assertEquals(Optional.empty(), records.pulledAt("tcp://other:2375", "reg:5000/app:1",
                "sha256:aaa"), "another engine");
        Instant later = at.plusSeconds(60);
        records.record("unix:///var/run/docker.sock", "reg:5000/app:1", "sha256:bbb", later);
        assertEquals(Optional.of(later), records.pulledAt("unix:///var/run/docker.sock",
                "reg:5000/app:1", "sha256:bbb"));
    }

    @Test
    void anUnwritableStateDirectoryOnlyLosesTheRecord() throws Exception {
        Path blocked = Files.writeString(dir.resolve("file"), "not a directory");
        PullRecords records = new PullRecords(blocked.resolve("jcompose/pulls.properties"));
        records.record("h", "r", "sha256:1", Instant.now());
        assertEquals(Optional.empty(), records.pulledAt("h", "r", "sha256:1"));
    }
}
