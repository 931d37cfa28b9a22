package io.painguard.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.UnresolvedUnionException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The serializers' engine: finds the schema id for (topic, record schema) once, under the subject
 * the configured {@link SubjectNameStrategy} names, then frames every record without touching the
 * registry. Safe to share between threads.
 */
final class FramedAvroWriter {

  private final AvroSerdeConfig config;
  private final SchemaRegistryClient registry;
  /** The data model (conversions, class lookups) to write a given record with. */
  private final Function<Object, GenericData> modelFor;
  private final ConcurrentMap<String, ConcurrentMap<Schema, Target>> targetsByTopic =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Schema, DatumWriter<Object>> writersBySchema =
      new ConcurrentHashMap<>();
  private final ThreadLocal<EncodeBuffer> buffers = ThreadLocal.withInitial(EncodeBuffer::new);
  /** The last target used; a stream thread writes one topic and schema nearly always. */
  private volatile Target last;

  FramedAvroWriter(AvroSerdeConfig config, SchemaRegistryClient registry,
      Function<Object, GenericData> modelFor) {
    this.config = config;
    this.registry = registry;
    this.modelFor = modelFor;
  }

  byte[] write(String topic, Object record, Schema schema) {
    Target target = last;
    if (target == null || target.schema != schema || !target.topic.equals(topic)
        || target.isStale()) {
      target = target(topic, schema, record);
      last = target;
    }
    try {
      return buffers.get().frame(target.id, target.writer, record);
    } catch (IOException | RuntimeException e) {
      buffers.remove(); // its encoder may still hold part of this record
      throw new SerializationException(prefix(topic) + "record does not fit its schema "
          + schema.getFullName() + " (id " + target.id + "): " + describe(e), e);
    }
  }

  // Avro's union error quotes the value itself, which may be health data: name only its type.
  private static String describe(Exception e) {
    if (e instanceof UnresolvedUnionException union) {
      Object datum = union.getUnresolvedDatum();
      return "a value of type " + (datum == null ? "null" : datum.getClass().getName())
          + " matches no branch of its union";
    }
    return e.toString();
  }

  private Target target(String topic, Schema schema, Object record) {
    ConcurrentMap<Schema, Target> targets = targetsByTopic.get(topic);
    if (targets == null) {
      targets = targetsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
    }
    Target target = targets.get(schema);
    if (target != null && target.isStale()) {
      targets.remove(schema, target);
      target = null;
    }
    return target != null ? target
        : targets.computeIfAbsent(schema, s -> resolve(topic, s, record));
  }

  private Target resolve(String topic, Schema schema, Object record) {
    String subject = config.subjectFor(topic, schema);
    GenericData model = modelFor.apply(record);
    if (config.autoRegisterSchemas()) {
      int id = callRegistry(topic, subject, schema, () -> registry.register(subject, schema));
      return new Target(topic, schema, id, writerFor(schema, model), Target.NEVER);
    }
    if (config.useLatestVersion()) {
      RegisteredSchema latest = callRegistry(topic, subject, schema,
          () -> registry.getLatestSchemaMetadata(subject));
      DatumWriter<Object> writer = latest.schema().equals(schema) ? writerFor(schema, model)
          : transcoder(topic, subject, schema, latest, model);
      // The latest version moves on: look again after latest.cache.ttl.sec, if one is set.
      long ttlSec = config.latestCacheTtlSec();
      long expiresAt = ttlSec < 0 ? Target.NEVER : System.nanoTime() + ttlSec * 1_000_000_000L;
      return new Target(topic, schema, latest.id(), writer, expiresAt);
    }
    int id = callRegistry(topic, subject, schema, () -> registry.getId(subject, schema));
    return new Target(topic, schema, id, writerFor(schema, model), Target.NEVER);
  }

  private <R> R callRegistry(String topic, String subject, Schema schema, RegistryCall<R> call) {
    try {
      return call.run();
    } catch (SchemaRegistryException e) {
      String name = schema.getFullName();
      String what;
      if (e.isIncompatible()) {
        what = "the registry rejected schema " + name + " for subject " + subject
            + " as incompatible with its earlier versions. ";
      } else if (e.isNotFound() && config.autoRegisterSchemas()) {
        what = "cannot register schema " + name + " under subject " + subject + ". ";
      } else if (e.isNotFound() && config.useLatestVersion()) {
        what = "subject " + subject + " has no version to write with (use.latest.version=true). ";
      } else if (e.isNotFound()) {
        what = "schema " + name + " is not registered under subject " + subject + " and "
            + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=false; register it first. ";
      } else {
        what = "cannot get a schema id for " + name + " under subject " + subject + ". ";
      }
      throw new SerializationException(prefix(topic) + what + e.getMessage(), e);
    }
  }

  private DatumWriter<Object> writerFor(Schema schema, GenericData model) {
    DatumWriter<Object> writer = writersBySchema.get(schema);
    if (writer == null) {
      @SuppressWarnings("unchecked")
      DatumWriter<Object> created = (DatumWriter<Object>) model.createDatumWriter(schema);
      writer = writersBySchema.computeIfAbsent(schema, s -> created);
    }
    return writer;
  }

  /**
   * With use.latest.version the frame must carry the latest schema's id, so a record whose own
   * schema differs is re-encoded as the latest schema: written with its own, read back resolved
   * to the latest (defaults fill new fields), written again. Costly, but only when they differ.
   */
  private DatumWriter<Object> transcoder(String topic, String subject, Schema own,
      RegisteredSchema latest, GenericData model) {
    var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), own);
    if (compatibility.getType() == SchemaCompatibilityType.INCOMPATIBLE) {
      throw new SerializationException(prefix(topic) + "record schema " + own.getFullName()
          + " cannot be written as the latest version " + latest.version() + " (id " + latest.id()
          + ") of subject " + subject + " (use.latest.version=true): "
          + FramedAvroReader.describe(compatibility.getResult()));
    }
    DatumWriter<Object> ownWriter = writerFor(own, model);
    GenericDatumReader<Object> toLatest =
        new GenericDatumReader<>(own, latest.schema(), GenericData.get());
    GenericDatumWriter<Object> latestWriter =
        new GenericDatumWriter<>(latest.schema(), GenericData.get());
    return new DatumWriter<>() {
      @Override
      public void setSchema(Schema schema) {
        throw new UnsupportedOperationException("fixed schemas");
      }

      @Override
      public void write(Object datum, Encoder out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        ownWriter.write(datum, encoder);
        Object asLatest = toLatest.read(null,
            DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        latestWriter.write(asLatest, out);
      }
    };
  }

  private String prefix(String topic) {
    return "Cannot serialize " + (config.isKey() ? "key" : "value") + " for topic " + topic + ": ";
  }

  @FunctionalInterface
  private interface RegistryCall<R> {
    R run();
  }

  private record Target(String topic, Schema schema, int id, DatumWriter<Object> writer,
      long expiresAtNanos) {
    static final long NEVER = Long.MIN_VALUE;

    boolean isStale() {
      return expiresAtNanos != NEVER && System.nanoTime() - expiresAtNanos > 0;
    }
  }
}
