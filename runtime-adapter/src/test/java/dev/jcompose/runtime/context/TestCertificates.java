package dev.jcompose.runtime.context;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throw-away CA (an EC key) and certificates signed by it, written as PEM files the way
 * docker-machine and {@code openssl} write them: RSA keys in PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}), or PKCS#8, or EC keys in SEC1 form.
 */
final class TestCertificates {

    /** A key pair with its certificate. */
    record Issued(KeyPair keys, X509Certificate cert) { }

    /** How a private key is written. */
    enum KeyForm { PKCS1, PKCS8, EC }

    private final Issued ca;
    private final X500Name caName;

    TestCertificates(String name) throws Exception {
        KeyPair keys = ec(); // quick to make; RSA only where a test needs an RSA key
        X500Name subject = new X500Name("CN=" + name);
        JcaX509v3CertificateBuilder b = builder(subject, subject, keys);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        this.ca = new Issued(keys, sign(b, keys));
        this.caName = subject;
    }

    Issued ca() {
        return ca;
    }

    private final java.util.Map<String, Issued> issued = new java.util.HashMap<>();

    /**
     * A certificate for {@code dnsName} and 127.0.0.1, signed by this CA; the same one for the
     * same name and kind of key (RSA keys take a while to make).
     */
    synchronized Issued issue(String dnsName, KeyForm form) throws Exception {
        String key = dnsName + (form == KeyForm.EC ? "/ec" : "/rsa");
        Issued known = issued.get(key);
        if (known == null) {
            known = make(dnsName, form);
            issued.put(key, known);
        }
        return known;
    }

    private Issued make(String dnsName, KeyForm form) throws Exception {
        KeyPair keys = form == KeyForm.EC ? ec() : rsa();
        JcaX509v3CertificateBuilder b = builder(caName, new X500Name("CN=" + dnsName), keys);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                new GeneralName[] {new GeneralName(GeneralName.dNSName, dnsName),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new Issued(keys, sign(b, ca.keys()));
    }

    /** Writes {@code ca.pem}, {@code cert.pem} and {@code key.pem} of {@code client} to dir. */
    void write(Path dir, Issued client, KeyForm form) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ca.pem"), pem(ca.cert()));
        Files.writeString(dir.resolve("cert.pem"), pem(client.cert()));
        Files.writeString(dir.resolve("key.pem"), keyPem(client, form));
    }

    static String pem(Object o) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(o);
        }
        return s.toString();
    }

    static String keyPem(Issued issued, KeyForm form) throws IOException {
        return switch (form) {
            case PKCS8 -> pem(new JcaPKCS8Generator(issued.keys().getPrivate(), null));
            case PKCS1 -> pem(issued.keys().getPrivate());
            case EC -> {
                // SEC1 with the curve named inside, as openssl ecparam -genkey writes it
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(
                        issued.keys().getPrivate().getEncoded());
                ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
                yield pem(new PemObject("EC PRIVATE KEY", new ECPrivateKey(256, sec1.getKey(),
                        info.getPrivateKeyAlgorithm().getParameters()).getEncoded()));
            }
        };
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject,
            KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                subject, keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair signer)
            throws Exception {
        String alg = signer.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA"
                : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(alg).build(signer.getPrivate())));
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
