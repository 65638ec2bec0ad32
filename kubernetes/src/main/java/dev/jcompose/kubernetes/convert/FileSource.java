package dev.jcompose.kubernetes.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files a project's secrets, configs and mounted files come from. */
@FunctionalInterface
public interface FileSource {

    FileSource DISK = Files::readAllBytes;

    byte[] read(Path file) throws IOException;
}
