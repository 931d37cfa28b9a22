package io.painguard.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs once before the first system test: creates the private temporary directory every test and
 * child JVM of this run uses (failsafe points {@code java.io.tmpdir} at it), and notes what was
 * already in it, so {@link Leftovers} can tell what this run left behind.
 */
public final class SystemTestSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Path tmp = Leftovers.tempDir();
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the system tests' temporary directory " + tmp, e);
    }
    Leftovers.recordBaseline();
  }
}
