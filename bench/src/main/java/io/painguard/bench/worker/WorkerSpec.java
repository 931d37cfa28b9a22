package io.painguard.bench.worker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a worker JVM is to do, written by the bench to a properties file the worker reads: its role,
 * where the cluster is, which topics, and the Kafka settings to use.
 *
 * @param role {@link #PAINGUARD} or {@link #COPY}
 * @param name the app id or copier group id
 * @param clientProperties every client's connection settings ({@code bootstrap.servers}, security)
 * @param registryUrl the schema registry
 * @param inputs the input topics, activity first
 * @param outputs for the app: alerts, dead letters, then the acknowledgements topic it also reads
 *     (empty in a bench run); for a copier: the sink of each input
 * @param threads stream threads, or copier threads
 * @param exactlyOnce for a copier: transactional copy (the app is always exactly-once)
 * @param kafkaOverrides Kafka Streams settings for the app; {@code producer.}/{@code consumer.}
 *     prefixed client settings for a copier
 * @param stateDir the app's state directory
 */
public record WorkerSpec(
    String role,
    String name,
    Map<String, String> clientProperties,
    String registryUrl,
    List<String> inputs,
    List<String> outputs,
    int threads,
    boolean exactlyOnce,
    Map<String, String> kafkaOverrides,
    String stateDir) {

  public static final String PAINGUARD = "painguard";
  public static final String COPY = "copy";

  public WorkerSpec {
    clientProperties = Map.copyOf(clientProperties);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    kafkaOverrides = Map.copyOf(kafkaOverrides);
  }

  public void writeTo(Path file) {
    Properties p = new Properties();
    p.setProperty("role", role);
    p.setProperty("name", name);
    p.setProperty("registry", registryUrl);
    p.setProperty("inputs", String.join(",", inputs));
    p.setProperty("outputs", String.join(",", outputs));
    p.setProperty("threads", Integer.toString(threads));
    p.setProperty("exactly-once", Boolean.toString(exactlyOnce));
    p.setProperty("state-dir", stateDir == null ? "" : stateDir);
    clientProperties.forEach((k, v) -> p.setProperty("client." + k, v));
    kafkaOverrides.forEach((k, v) -> p.setProperty("kafka." + k, v));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(out, "PainGuard bench worker");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static WorkerSpec readFrom(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> client = new TreeMap<>();
    Map<String, String> kafka = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("client.")) {
        client.put(key.substring("client.".length()), p.getProperty(key));
      } else if (key.startsWith("kafka.")) {
        kafka.put(key.substring("kafka.".length()), p.getProperty(key));
      }
    }
    String stateDir = p.getProperty("state-dir", "");
    return new WorkerSpec(
        p.getProperty("role"),
        p.getProperty("name"),
        client,
        p.getProperty("registry"),
        List.of(p.getProperty("inputs").split(",")),
        List.of(p.getProperty("outputs").split(",")),
        Integer.parseInt(p.getProperty("threads")),
        Boolean.parseBoolean(p.getProperty("exactly-once")),
        kafka,
        stateDir.isEmpty() ? null : stateDir);
  }
}
