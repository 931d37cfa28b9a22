package io.painguard.systemtest.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measured figures of a run (records lost, duplicates, resume times, DLQ counts), logged and
 * appended to {@code target/system-test-figures.txt} so the README's Reliability section can quote
 * a real run.
 */
public final class Figures {

  private static final Logger LOG = LoggerFactory.getLogger(Figures.class);

  private Figures() {}

  public static void record(String property, String figure) {
    LOG.info("FIGURE {}: {}", property, figure);
    Path file = Leftovers.tempDir().getParent().resolve("system-test-figures.txt");
    try {
      Files.writeString(
          file,
          property + ": " + figure + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("Could not write {}: {}", file, e.getMessage());
    }
  }
}
