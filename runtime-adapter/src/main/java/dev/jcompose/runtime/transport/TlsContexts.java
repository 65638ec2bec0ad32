package dev.jcompose.runtime.transport;

import dev.jcompose.runtime.context.EndpointException;
import dev.jcompose.runtime.context.TlsMaterial;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The TLS context for an endpoint's material, as the docker CLI builds its {@code tls.Config}:
 * the CA trusted instead of the system's when given, the client certificate and key presented
 * when both are given, and nothing checked when verification is skipped. PEM keys in PKCS#1,
 * PKCS#8 and SEC1 form are read (Bouncy Castle's PEM parser, which docker-java brings); an
 * encrypted key is refused, as the docker CLI refuses it.
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
        PrivateKey key;
        List<Certificate> chain;
        try {
            key = privateKey(m);
            chain = certificates(m.cert());
        } catch (EndpointException e) {
            throw e;
        } catch (java.io.IOException | GeneralSecurityException | RuntimeException e) {
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
            cas = certificates(m.ca());
        } catch (GeneralSecurityException | RuntimeException e) {
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

    /** The certificates of a PEM text, read by the JDK. */
    private static List<Certificate> certificates(String pem) throws GeneralSecurityException {
        return List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    /** The private key of a PEM text in PKCS#1, PKCS#8 or SEC1 form, or null. */
    private static PrivateKey privateKey(TlsMaterial m) throws java.io.IOException {
        Object o;
        try (PEMParser parser = new PEMParser(new StringReader(m.key()))) {
            o = parser.readObject();
        }
        PrivateKeyInfo info = switch (o) {
            case PEMKeyPair pair -> pair.getPrivateKeyInfo();
            case PrivateKeyInfo plain -> plain;
            case PEMEncryptedKeyPair e -> throw encrypted(m);
            case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted(m);
            case null, default -> null;
        };
        return info == null ? null : new JcaPEMKeyConverter().getPrivateKey(info);
    }

    private static EndpointException encrypted(TlsMaterial m) {
        return new EndpointException("the private key in " + m.origin() + " is encrypted: "
                + "encrypted keys are not supported (as with the docker CLI)");
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
