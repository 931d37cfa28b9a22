package io.painguard.bench.jmh;

import io.painguard.events.ActivityEvent;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.serde.AvroTrust;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The project serde (Confluent framing, schema id from the registry once, resolving reader)
 * against Avro's own SpecificDatumWriter/Reader on the bare body with reused encoder and decoder:
 * the difference is what the framing, the registry cache and the schema resolution cost per
 * record. Activity events from the simulated load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {

  private static final String TOPIC = "activity-events";
  private static final String SCOPE = "jmh-serde";

  private ActivityEvent[] events;
  private byte[][] framed;
  private byte[][] bodies;
  private SpecificAvroSerializer<ActivityEvent> serializer;
  private SpecificAvroDeserializer<ActivityEvent> deserializer;
  private SpecificDatumWriter<ActivityEvent> avroWriter;
  private SpecificDatumReader<ActivityEvent> avroReader;
  private ByteArrayOutputStream avroOut;
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;
  private int next;

  @Setup
  public void setUp() {
    AvroTrust.ensureTrusted();
    Map<String, Object> config = Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE,
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    serializer = new SpecificAvroSerializer<>();
    serializer.configure(config, false);
    deserializer = new SpecificAvroDeserializer<>(ActivityEvent.class);
    deserializer.configure(config, false);
    List<ActivityEvent> load = LoadFixture.activityEvents(1024, 3);
    events = load.toArray(ActivityEvent[]::new);
    framed = new byte[events.length][];
    bodies = new byte[events.length][];
    for (int i = 0; i < events.length; i++) {
      framed[i] = serializer.serialize(TOPIC, events[i]);
      bodies[i] = Arrays.copyOfRange(framed[i], WireFormat.HEADER_SIZE, framed[i].length);
    }
    avroWriter = new SpecificDatumWriter<>(ActivityEvent.class);
    avroReader = new SpecificDatumReader<>(ActivityEvent.class);
    avroOut = new ByteArrayOutputStream(256);
    encoder = EncoderFactory.get().binaryEncoder(avroOut, null);
  }

  @TearDown
  public void tearDown() {
    serializer.close();
    deserializer.close();
    MockSchemaRegistry.drop(SCOPE);
  }

  private int nextIndex() {
    int i = next;
    next = (next + 1) & 1023;
    return i;
  }

  @Benchmark
  public byte[] painguardSerialize() {
    return serializer.serialize(TOPIC, events[nextIndex()]);
  }

  @Benchmark
  public byte[] avroSerialize() throws IOException {
    avroOut.reset();
    avroWriter.write(events[nextIndex()], encoder);
    encoder.flush();
    return avroOut.toByteArray();
  }

  @Benchmark
  public ActivityEvent painguardDeserialize() {
    return deserializer.deserialize(TOPIC, framed[nextIndex()]);
  }

  @Benchmark
  public ActivityEvent avroDeserialize() throws IOException {
    decoder = DecoderFactory.get().binaryDecoder(bodies[nextIndex()], decoder);
    return avroReader.read(null, decoder);
  }
}
