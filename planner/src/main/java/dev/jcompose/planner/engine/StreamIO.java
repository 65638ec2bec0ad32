package dev.jcompose.planner.engine;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The caller's side of an attached container or exec: raw bytes in and out, as a terminal sees
 * them. With a TTY the engine sends everything on {@code stdout}.
 *
 * @param stdin  forwarded to the process, or null for none
 * @param stdout receives the process's standard output
 * @param stderr receives its standard error (unused with a TTY)
 */
public record StreamIO(InputStream stdin, OutputStream stdout, OutputStream stderr) { }
