package io.painguard.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Python script that drives Confluent's own Python client (Debian's python3-confluent-kafka)
 * in the interop tests of more than one module. It ships here, as a resource, so each module's
 * tests run the same script from wherever Maven runs them.
 */
public final class ConfluentInteropScript {

  private static Path extracted;

  private ConfluentInteropScript() {}

  /** A file holding the script, written once per JVM to a temporary directory. */
  public static synchronized Path path() {
    if (extracted == null) {
      try (InputStream in = ConfluentInteropScript.class.getResourceAsStream("confluent_interop.py")) {
        if (in == null) {
          throw new IllegalStateException("confluent_interop.py is missing from painguard-test-support");
        }
        Path file = Files.createTempFile("painguard-confluent-interop-", ".py");
        file.toFile().deleteOnExit();
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        extracted = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return extracted;
  }
}
