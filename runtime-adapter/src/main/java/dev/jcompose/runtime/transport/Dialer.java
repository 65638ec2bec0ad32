package dev.jcompose.runtime.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Opens byte streams to an engine the HTTP client cannot reach by itself (the docker CLI's
 * connection helpers: a command's standard streams, a TLS socket).
 */
public interface Dialer {

    /** One new connection; a failure to open it says why. */
    Link dial() throws IOException;

    /** A connection: the engine's bytes in, ours out. */
    interface Link extends Closeable {

        InputStream in();

        OutputStream out();

        /** No more bytes from us; the engine's answer may still come. */
        void closeWrite();

        /**
         * Why the connection ended before it should have (a command's exit status and error
         * output), or null; asked once its input ended.
         */
        default String failure() {
            return null;
        }
    }
}
