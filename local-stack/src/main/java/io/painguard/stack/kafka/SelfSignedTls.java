package io.painguard.stack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS identity for the embedded broker: a PKCS12 keystore made by the JDK's {@code
 * keytool} (EC P-256, CN 127.0.0.1, SAN IP 127.0.0.1 and DNS localhost, so clients' hostname
 * verification passes on either name) and a PKCS12 truststore holding only its certificate, for
 * clients. Local use only: the key is new on every call and lives as long as the data directory.
 */
final class SelfSignedTls {

  private static final String ALIAS = "painguard-embedded-broker";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private SelfSignedTls() {}

  static void create(Path keystore, Path truststore, String password) {
    try {
      Files.deleteIfExists(keystore);
      Files.deleteIfExists(truststore);
      runKeytool(keystore, password);
      writeTruststore(keystore, truststore, password.toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not create the broker's TLS keystore in " + keystore.getParent() + ": " + e.getMessage(), e);
    }
  }

  private static void runKeytool(Path keystore, String password) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = List.of(
        keytool.toString(), "-genkeypair",
        "-alias", ALIAS,
        "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=127.0.0.1, O=PainGuard local stack",
        "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
        "-validity", "3650",
        "-storetype", "PKCS12",
        "-keystore", keystore.toString(),
        // keytool reads the password from the environment variable named after :env, so it is
        // not visible in the process list.
        "-storepass:env", "PAINGUARD_KEYSTORE_PASSWORD",
        "-keypass:env", "PAINGUARD_KEYSTORE_PASSWORD");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PAINGUARD_KEYSTORE_PASSWORD", password);
    Process process = builder.start();
    process.getOutputStream().close();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    try {
      if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
    if (process.exitValue() != 0 || !Files.exists(keystore)) {
      throw new IOException("keytool exited with " + process.exitValue() + ": " + output);
    }
  }

  private static void writeTruststore(Path keystore, Path truststore, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, password);
    }
    Certificate certificate = keys.getCertificate(ALIAS);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, password);
    trust.setCertificateEntry(ALIAS, certificate);
    try (OutputStream out = Files.newOutputStream(truststore)) {
      trust.store(out, password);
    }
  }
}
