package io.painguard.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS12 file with one self-signed key pair for the host name "localhost" (not its IP address),
 * made by the JDK's keytool. The file serves as the registry's keystore, as the client's
 * truststore (Java trusts the certificate of a key entry) and as the client's keystore for mutual
 * TLS, so one file makes every TLS test.
 */
record SelfSignedKeystore(Path file, String password) {

  static SelfSignedKeystore create(Path dir) throws IOException, InterruptedException {
    Path file = dir.resolve("registry.p12");
    String password = "store-pw-" + Long.toHexString(System.nanoTime());
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString(), "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype",
        "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password)
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(file)) {
      throw new IOException("keytool failed: " + output);
    }
    return new SelfSignedKeystore(file, password);
  }

  /** The registry's side: this key pair, and trust in it (so it accepts it as a client's too). */
  SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password.toCharArray());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }
}
