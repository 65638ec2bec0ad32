package dev.jcompose.planner.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * A path read out of a container: what it is, and a tar stream of it whose entries are named
 * from its base name. The caller closes it.
 */
public record PathArchive(PathStat stat, InputStream tar) implements AutoCloseable {

    @Override
    public void close() {
        try {
            tar.close();
        } catch (IOException e) {
            // the stream is gone either way
        }
    }
}
