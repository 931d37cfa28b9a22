package io.painguard.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One PainGuard app instance in its own JVM, started the way {@code ./painguard app} starts it
 * ({@code io.painguard.runtime.AppCommand --config FILE}), with its own state directory and HTTP
 * port. Its settings are written to a properties file in its work directory, which is deleted by
 * {@link #close()}.
 */
public final class AppInstance implements AutoCloseable {

  public static final String MAIN_CLASS = "io.painguard.runtime.AppCommand";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Map<String, String> settings;
  private final Path workDir;
  private final int httpPort;
  private ChildJvm jvm;
  private int starts;

  private AppInstance(String name, Map<String, String> settings, Path workDir, int httpPort) {
    this.name = name;
    this.settings = settings;
    this.workDir = workDir;
    this.httpPort = httpPort;
  }

  /**
   * An instance (not started yet) with these settings plus its own {@code kafka.state.dir},
   * {@code kafka.client.id} (= name), HTTP port and host.
   */
  public static AppInstance create(String name, Map<String, String> settings) {
    Path workDir = Leftovers.newTempDir("app-" + name);
    int port = Leftovers.port(io.painguard.stack.Ports.pickFree());
    Map<String, String> all = new TreeMap<>(settings);
    all.putIfAbsent("kafka.state.dir", workDir.resolve("state").toString());
    all.putIfAbsent("kafka.client.id", name);
    all.put("painguard.http.port", Integer.toString(port));
    all.putIfAbsent("painguard.http.host", "127.0.0.1");
    return new AppInstance(name, all, workDir, port);
  }

  /** Starts the JVM (again, after a stop: same state directory, same port). */
  public AppInstance start() {
    if (jvm != null && jvm.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    Path config = workDir.resolve("app.properties");
    Properties props = new Properties();
    props.putAll(settings);
    try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      props.store(out, "PainGuard system test instance " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    starts++;
    jvm =
        ChildJvm.start(
            name,
            MAIN_CLASS,
            List.of("--config", config.toString()),
            Map.of(),
            workDir.resolve("run-" + starts + ".log"),
            Map.of());
    return this;
  }

  /** Waits until {@code GET /health/ready} answers 200 (Kafka Streams RUNNING). */
  public AppInstance awaitReady(Duration timeout) {
    Await.until(
        name + " ready (GET /health/ready = 200)",
        timeout,
        () -> {
          if (!jvm.isAlive()) {
            throw new AssertionError(name + " exited with " + jvm.awaitExit(Duration.ofSeconds(1)) + ":\n" + jvm.tail(40));
          }
          return isReady();
        });
    return this;
  }

  /** True when the instance answers 200 on {@code /health/ready}. */
  public boolean isReady() {
    return status("/health/ready") == 200;
  }

  /** HTTP status of a GET, or -1 when nothing answers. */
  public int status(String path) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
              .timeout(Duration.ofSeconds(2))
              .GET()
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** GET with a bearer token; the body, or throws on a non-200 answer. */
  public String get(String path, String token) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
              .timeout(Duration.ofSeconds(5))
              .header("Authorization", "Bearer " + token)
              .GET()
              .build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public String name() {
    return name;
  }

  public int httpPort() {
    return httpPort;
  }

  public ChildJvm jvm() {
    return jvm;
  }

  public Map<String, String> settings() {
    return new LinkedHashMap<>(settings);
  }

  /** Everything every run of this instance printed, in order. */
  public String logs() {
    StringBuilder all = new StringBuilder();
    for (int i = 1; i <= starts; i++) {
      try {
        all.append(Files.readString(workDir.resolve("run-" + i + ".log"), StandardCharsets.UTF_8));
      } catch (IOException e) {
        // not started that often
      }
    }
    return all.toString();
  }

  /** SIGKILL the JVM. */
  public void kill() {
    jvm.kill();
  }

  /** SIGTERM, then wait for a clean exit; returns the exit code. */
  public int terminate(Duration timeout) {
    jvm.terminate();
    return jvm.awaitExit(timeout);
  }

  /** Kills the JVM if it still runs and deletes the work directory (state, logs, config). */
  @Override
  public void close() {
    if (jvm != null) {
      jvm.close();
    }
    Leftovers.deleteTree(workDir);
  }
}
