package dev.jcompose.api;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The caller's side of a one-off container ({@code run}) or an {@code exec}: raw bytes in and
 * out, as a terminal sees them. With a pseudo-terminal everything comes on {@code stdout}.
 *
 * @param stdin  forwarded to the process, or null for none
 * @param stdout receives the process's standard output
 * @param stderr receives its standard error (unused with a pseudo-terminal)
 */
public record ProcessStreams(InputStream stdin, OutputStream stdout, OutputStream stderr) { }
