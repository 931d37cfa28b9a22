package io.painguard.launcher.scenario;

import io.painguard.events.ExertionAlert;
import io.painguard.rules.GuidanceSettings;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.SpecificAvroSerde;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import io.painguard.simulator.RecordSink;
import io.painguard.simulator.SendStats;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.RecordEncoder;
import io.painguard.simulator.scenario.RunOptions;
import io.painguard.simulator.scenario.Scenario;
import io.painguard.simulator.scenario.ScenarioRunner;
import io.painguard.simulator.scenario.StartTime;
import io.painguard.simulator.scenario.TimeMode;
import io.painguard.topology.DeadLetterCounter;
import io.painguard.topology.PainGuardStreamsConfig;
import io.painguard.topology.PainGuardTopology;
import io.painguard.topology.TopologySettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Plays a shipped scenario, exactly as the simulator plans and encodes it, through the real
 * detection topology on a {@link TopologyTestDriver}, and collects the alerts. The simulator's
 * records reach the topology as the bytes it would have produced, malformed ones included.
 */
final class ScenarioReplay implements AutoCloseable, RecordSink {

  private final TopicNames topics = TopicNames.DEFAULT;
  private final String scope = "scenario-replay-" + UUID.randomUUID();
  private final Map<String, Object> serdeConfig =
      Map.of("schema.registry.url", MockSchemaRegistry.URL_PREFIX + scope);
  private final RecordEncoder encoder = new RecordEncoder(serdeConfig);
  private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
  private final Random random = new Random(42);
  private final SendStats stats = new SendStats();
  private final TopologyTestDriver driver;
  private final TestOutputTopic<String, ExertionAlert> alerts;

  /**
   * @param wallClock the app's clock: later than every event of the scenario, so none is "in the
   *     future", and within the app's maximum past age of them
   */
  ScenarioReplay(Instant wallClock) {
    TopologySettings settings = TopologySettings.defaults();
    DeadLetterCounter deadLetters = new DeadLetterCounter();
    Properties props = PainGuardStreamsConfig.properties("scenario-replay", "unused:9092", settings, deadLetters);
    props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/" + scope);
    driver =
        new TopologyTestDriver(
            PainGuardTopology.build(
                settings,
                GuidanceSettings.defaults(),
                serdeConfig,
                deadLetters,
                Clock.fixed(wallClock, ZoneOffset.UTC)),
            props,
            wallClock);
    SpecificAvroSerde<ExertionAlert> alertSerde = new SpecificAvroSerde<>(ExertionAlert.class);
    alertSerde.configure(serdeConfig, false);
    alerts =
        driver.createOutputTopic(
            settings.exertionAlertsTopic(), new StringDeserializer(), alertSerde.deserializer());
  }

  /** Plays {@code passes} passes of the scenario (looping when more than one) from {@code start}. */
  List<ExertionAlert> play(Scenario scenario, Instant start, int passes) {
    RunOptions options =
        RunOptions.of(scenario)
            .withTimeMode(TimeMode.AS_FAST_AS_POSSIBLE)
            .withStart(new StartTime(start, null))
            .withLoop(passes > 1)
            .withMaxPasses(passes);
    new ScenarioRunner(this).run(scenario, options, () -> false);
    return alerts.readValuesToList();
  }

  @Override
  public void send(InputTopic topic, String key, SpecificRecord value, MalformedKind corruption) {
    String name = topics.nameOf(topic);
    stats.attempted();
    byte[] bytes = encoder.encode(name, value);
    if (corruption != null && corruption.corruptsBytes()) {
      bytes = RecordEncoder.corrupt(corruption, bytes, random);
    }
    inputs
        .computeIfAbsent(
            name, n -> driver.createInputTopic(n, new org.apache.kafka.common.serialization.StringSerializer(), new ByteArraySerializer()))
        .pipeInput(key, bytes, eventTime(value));
    stats.acknowledged();
  }

  /** The payload's event time, the record timestamp a device-time producer would set. */
  private static Instant eventTime(SpecificRecord value) {
    for (String field : List.of("timestamp", "updatedAt")) {
      Schema.Field f = value.getSchema().getField(field);
      if (f != null && value.get(f.pos()) instanceof Instant t) {
        return t;
      }
    }
    throw new IllegalArgumentException("no event time in " + value.getSchema().getName());
  }

  @Override
  public void flush() {}

  @Override
  public SendStats stats() {
    return stats;
  }

  @Override
  public void close() {
    driver.close();
    encoder.close();
    MockSchemaRegistry.drop(scope);
  }
}
