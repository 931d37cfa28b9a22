package io.painguard.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

  /**
   * Runs the script with {@code python} and {@code args}; returns the last line it printed (its
   * JSON answer). Fails, with both outputs, when it does not exit 0 within 90 s.
   */
  public static String run(String python, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python, path().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    boolean finished = process.waitFor(90, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String stdout = new String(out, StandardCharsets.UTF_8);
    if (!finished || process.exitValue() != 0) {
      throw new AssertionError("python " + args[0] + " failed:\n" + stdout + "\n" + new String(err, StandardCharsets.UTF_8));
    }
    String[] lines = stdout.strip().split("\n");
    return lines[lines.length - 1];
  }
}
