package io.gatehouse.contract.edge;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made at test time with BouncyCastle and written as
 * PEM files: {@code cert.pem} (also the CA file clients trust) and {@code key.pem} (PKCS#8). Shared by the
 * TLS tests of every listener.
 */
public record SelfSignedCertificate(Path certPem, Path keyPem) {

  public static SelfSignedCertificate create() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=localhost");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
        new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509CertificateHolder certificate = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
        .build(keys.getPrivate()));
      Path dir = Files.createTempDirectory("gatehouse-tls");
      SelfSignedCertificate files = new SelfSignedCertificate(dir.resolve("cert.pem"), dir.resolve("key.pem"));
      writePem(files.certPem(), certificate);
      writePem(files.keyPem(), new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null));
      return files;
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a self-signed certificate", e);
    }
  }

  private static void writePem(Path file, Object object) {
    try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
