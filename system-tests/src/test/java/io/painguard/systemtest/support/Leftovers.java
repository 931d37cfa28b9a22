package io.painguard.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * What the system tests start that could outlive them -- child JVMs, listening ports, temporary
 * directories -- and the check that none of it is left when the suite ends (see {@code
 * ShutdownHygieneIT}).
 */
public final class Leftovers {

  /** Every temporary file or directory the product and the tests create starts with this. */
  public static final String TEMP_PREFIX = "painguard-";

  private static final Set<Integer> PORTS = new ConcurrentSkipListSet<>();
  private static final Set<String> BASELINE = new ConcurrentSkipListSet<>();

  private Leftovers() {}

  /** The run's private {@code java.io.tmpdir}. */
  public static Path tempDir() {
    return Path.of(System.getProperty("painguard.systemtest.tmpdir", System.getProperty("java.io.tmpdir")));
  }

  /** A fresh {@code painguard-<what>-...} directory in the run's temporary directory. */
  public static Path newTempDir(String what) {
    try {
      Files.createDirectories(tempDir());
      return Files.createTempDirectory(tempDir(), TEMP_PREFIX + what + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Notes a port a test made something listen on; the hygiene check wants it free at the end. */
  public static int port(int port) {
    PORTS.add(port);
    return port;
  }

  public static Set<Integer> ports() {
    return new TreeSet<>(PORTS);
  }

  static void recordBaseline() {
    BASELINE.addAll(tempEntries());
  }

  /** {@code painguard-*} entries in the temporary directory that were not there at the start. */
  public static List<String> newTempEntries() {
    List<String> fresh = new ArrayList<>(tempEntries());
    fresh.removeAll(BASELINE);
    return fresh;
  }

  private static List<String> tempEntries() {
    Path dir = tempDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(TEMP_PREFIX) || name.startsWith("kafka-streams"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory tree, quietly; tests call it in their cleanup. */
  public static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // Reported by the hygiene check if it stays.
                }
              });
    } catch (IOException e) {
      // idem
    }
  }
}
