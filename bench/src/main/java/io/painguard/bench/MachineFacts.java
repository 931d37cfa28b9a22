package io.painguard.bench;

import io.painguard.bench.cluster.Cluster;
import io.painguard.bench.result.BenchResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a figure depends on besides the code: the machine, the JVM, Kafka, the commit. */
final class MachineFacts {

  private MachineFacts() {}

  static BenchResult.Machine collect(Cluster cluster, double loadAverageBefore) {
    return new BenchResult.Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        kafkaVersion(),
        gitCommit(),
        totalMemory(),
        round(loadAverageBefore),
        round(loadAverage()),
        cluster.description());
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** The kafka-clients version on the classpath, from the file it carries for this purpose. */
  static String kafkaVersion() {
    try (var in = org.apache.kafka.clients.producer.KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** HEAD of the working directory's repository, "-dirty" with uncommitted changes; "unknown" without git. */
  static String gitCommit() {
    String head = git(List.of("git", "rev-parse", "HEAD"));
    if (head == null || head.isBlank()) {
      return "unknown";
    }
    String changes = git(List.of("git", "status", "--porcelain", "--untracked-files=no"));
    return head.trim() + (changes != null && !changes.isBlank() ? "-dirty" : "");
  }

  private static String git(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static long totalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
