package dev.jcompose.runtime.transport;

import com.github.dockerjava.core.util.CertificateUtils;
import dev.jcompose.runtime.context.EndpointException;
import dev.jcompose.runtime.context.TlsMaterial;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context for an endpoint's material, as the docker CLI builds its {@code tls.Config}:
 * the CA trusted instead of the system's when given, the client certificate and key presented
 * when both are given, and nothing checked when verification is skipped. PEM keys in PKCS#1,
 * PKCS#8 and SEC1 form are read (docker-java's {@code CertificateUtils}); an encrypted key is
 * refused, as the docker CLI refuses it.
 */
public final class TlsContexts {

    private static final char[] NO_PASSWORD = "jcompose".toCharArray();

    private TlsContexts() {
    }

    /** The context for {@code material} (may be null); an unusable file is an error naming it. */
    public static SSLContext create(TlsMaterial material, boolean skipVerify) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys(material), skipVerify ? new TrustManager[] {TRUST_ALL}
                    : trust(material), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new EndpointException("cannot set up TLS with " + origin(material) + ": "
                    + e.getMessage(), e);
        }
    }

    private static KeyManager[] keys(TlsMaterial m) throws GeneralSecurityException {
        if (m == null || m.cert() == null || m.key() == null) {
            return null;
        }
        if (m.key().contains("ENCRYPTED")) {
            throw new EndpointException("the private key in " + m.origin() + " is encrypted: "
                    + "encrypted keys are not supported (as with the docker CLI)");
        }
        PrivateKey key;
        List<Certificate> chain;
        try {
            key = CertificateUtils.loadPrivateKey(m.key());
            chain = CertificateUtils.loadCertificates(m.cert());
        } catch (java.io.IOException | RuntimeException e) {
            throw new EndpointException("cannot read the client certificate or key in "
                    + m.origin() + ": " + e.getMessage(), e);
        }
        if (key == null || chain.isEmpty()) {
            throw new EndpointException("no valid " + (key == null ? "private key" : "certificate")
                    + " found in " + m.origin());
        }
        KeyStore store = emptyStore();
        store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(
                KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, NO_PASSWORD);
        return kmf.getKeyManagers();
    }

    private static TrustManager[] trust(TlsMaterial m) throws GeneralSecurityException {
        if (m == null || m.ca() == null) {
            return null; // the system's roots
        }
        List<Certificate> cas;
        try {
            cas = CertificateUtils.loadCertificates(m.ca());
        } catch (java.io.IOException | RuntimeException e) {
            cas = List.of();
        }
        if (cas.isEmpty()) {
            throw new EndpointException("the CA in " + m.origin() + " (ca.pem) seems invalid");
        }
        KeyStore store = emptyStore();
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca" + i, cas.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static String origin(TlsMaterial m) {
        return m == null ? "the system's CAs" : m.origin();
    }

    /** Trusts any certificate for any name (the docker CLI's {@code InsecureSkipVerify}). */
    private static final X509ExtendedTrustManager TRUST_ALL = new X509ExtendedTrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) { }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) { }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) { }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) { }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) { }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) { }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
