package io.painguard.stack.junit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Testcontainers whether Docker is usable, without letting the question hang or fail the
 * run: it runs on its own daemon thread with a time limit, and any failure means "no".
 */
final class DockerProbe {

  private static final Logger log = LoggerFactory.getLogger(DockerProbe.class);
  private static final long TIMEOUT_SECONDS = 20;

  private DockerProbe() {}

  static boolean isDockerAvailable() {
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    Thread probe =
        new Thread(
            () -> {
              try {
                answer.complete(
                    org.testcontainers.DockerClientFactory.instance().isDockerAvailable());
              } catch (Throwable e) { // NoClassDefFoundError included: no Testcontainers, no Docker.
                answer.complete(false);
              }
            },
            "painguard-docker-probe");
    probe.setDaemon(true);
    probe.start();
    try {
      return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      log.warn("Docker did not answer within {} s; treating it as unavailable", TIMEOUT_SECONDS);
      return false;
    }
  }
}
