package dev.jcompose.runtime.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * TLS connections to a TCP engine, made here rather than by the HTTP client so that every
 * setting the docker CLI has is honoured, skipping verification of the certificate and of the
 * engine's name included.
 */
final class TlsDialer implements Dialer {

    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final SSLContext context;
    private final String host;
    private final int port;
    private final boolean verifyName;

    TlsDialer(SSLContext context, String host, int port, boolean verifyName) {
        this.context = context;
        this.host = host;
        this.port = port;
        this.verifyName = verifyName;
    }

    @Override
    public Link dial() throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            SSLParameters params = socket.getSSLParameters();
            if (verifyName) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            socket.setSSLParameters(params);
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw new IOException("TLS connection to " + host + ":" + port + " failed: "
                    + e.getMessage(), e);
        }
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        return new Link() {
            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public void closeWrite() {
                try {
                    socket.shutdownOutput(); // close_notify: the engine answers what it was sent
                } catch (IOException | UnsupportedOperationException e) {
                    // closed already
                }
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }
}
