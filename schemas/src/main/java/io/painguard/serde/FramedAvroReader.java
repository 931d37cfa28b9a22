package io.painguard.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The deserializers' engine: per writer schema id (or GUID, when a Confluent 8 producer put it in a
 * record header, see {@link WireFormat}) it fetches the writer schema once, picks the reader
 * schema, checks they are compatible and builds a resolving DatumReader; every later record with
 * that id decodes with no registry call and no schema work. Safe to share between threads.
 */
final class FramedAvroReader {

  /** Which schema and data model to read data written with a given writer schema as. */
  @FunctionalInterface
  interface ReaderChoice {
    /**
     * @throws SerializationException when there is no suitable reader; its message is cached and
     *     repeated for every record with that writer schema
     */
    Reading choose(Schema writer);
  }

  record Reading(Schema readerSchema, GenericData model) {}

  private final SchemaRegistryClient registry;
  private final boolean isKey;
  private final ReaderChoice readerChoice;
  private final ConcurrentMap<Integer, Entry> entriesById = new ConcurrentHashMap<>();
  private final ConcurrentMap<UUID, Entry> entriesByGuid = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
  /** The last entry used; a topic's records nearly always share one writer schema. */
  private volatile Entry last;

  FramedAvroReader(SchemaRegistryClient registry, boolean isKey, ReaderChoice readerChoice) {
    AvroTrust.ensureTrusted();
    this.registry = registry;
    this.isKey = isKey;
    this.readerChoice = readerChoice;
  }

  /** The record in {@code data}, or null for null data (a tombstone). */
  Object read(String topic, byte[] data) {
    return read(topic, null, data);
  }

  /**
   * The record in {@code data}, its writer schema named by the record's schema-id header when it
   * has one, else by the payload's prefix; null for null data (a tombstone).
   */
  Object read(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    int offset;
    Entry entry;
    Header idHeader = headers == null ? null : headers.lastHeader(WireFormat.schemaIdHeader(isKey));
    boolean noIdHeader = idHeader == null || idHeader.value() == null;
    if (noIdHeader && data.length >= WireFormat.HEADER_SIZE && data[0] == WireFormat.MAGIC_BYTE) {
      // The common case: the id straight from the prefix, nothing allocated.
      offset = WireFormat.HEADER_SIZE;
      entry = byId(topic, WireFormat.readId(data));
    } else {
      WireFormat.Located located;
      try {
        located = WireFormat.locate(headers, data, isKey);
      } catch (SerializationException e) {
        throw new SerializationException(prefix(topic) + e.getMessage());
      }
      offset = located.bodyOffset();
      entry = located.schemaId() instanceof SchemaId.Guid guid ? byGuid(topic, guid.guid())
          : byId(topic, ((SchemaId.Number) located.schemaId()).id());
    }
    if (entry.failure != null) {
      throw new SerializationException(prefix(topic) + entry.failure);
    }
    BinaryDecoder reused = decoders.get();
    BinaryDecoder decoder =
        DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, reused);
    if (decoder != reused) {
      decoders.set(decoder);
    }
    try {
      return entry.reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(prefix(topic) + bodyProblem(e) + " (" + data.length
          + "-byte payload, writer schema " + entry.writer.getFullName() + " " + entry.name + "): "
          + e, e);
    }
  }

  private Entry byId(String topic, int id) {
    Entry entry = last;
    if (entry == null || entry.guid != null || entry.id != id) {
      entry = entriesById.get(id);
      if (entry == null) {
        Schema writer = fetch(topic, "schema id " + id, () -> registry.getSchemaById(id));
        entry = entriesById.computeIfAbsent(id, i -> build(i, null, writer));
      }
      last = entry;
    }
    return entry;
  }

  private Entry byGuid(String topic, UUID guid) {
    Entry entry = entriesByGuid.get(guid);
    if (entry == null) {
      Schema writer = fetch(topic, "schema guid " + guid, () -> registry.getSchemaByGuid(guid));
      entry = entriesByGuid.computeIfAbsent(guid, g -> build(-1, g, writer));
    }
    return entry;
  }

  private Schema fetch(String topic, String name, java.util.function.Supplier<Schema> call) {
    try {
      return call.get();
    } catch (SchemaRegistryException e) {
      // Not cached: a registry that is down now may answer the next record.
      String what = e.isNotFound() ? "unknown " + name + ". " : "cannot fetch writer " + name + ". ";
      throw new SerializationException(prefix(topic) + what + e.getMessage(), e);
    }
  }

  private Entry build(int id, UUID guid, Schema writer) {
    String name = guid != null ? "guid " + guid : "id " + id;
    Reading reading;
    try {
      reading = readerChoice.choose(writer);
    } catch (SerializationException e) {
      return new Entry(id, guid, name, writer, null, e.getMessage());
    }
    Schema reader = reading.readerSchema();
    if (reader != writer && !reader.equals(writer)) {
      var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
      if (compatibility.getType() == SchemaCompatibilityType.INCOMPATIBLE) {
        return new Entry(id, guid, name, writer, null, "reader/writer schema mismatch: data written"
            + " with " + writer.getFullName() + " (schema " + name + ") cannot be read as "
            + reader.getFullName() + ": " + describe(compatibility.getResult()));
      }
    }
    @SuppressWarnings("unchecked")
    DatumReader<Object> datumReader =
        (DatumReader<Object>) reading.model().createDatumReader(writer, reader);
    return new Entry(id, guid, name, writer, datumReader, null);
  }

  static String describe(SchemaCompatibilityResult result) {
    return result.getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
        .collect(Collectors.joining("; "));
  }

  private static String bodyProblem(Exception e) {
    if (e instanceof EOFException || e instanceof IndexOutOfBoundsException) {
      return "the Avro body is truncated";
    }
    return "the Avro body does not decode";
  }

  private String prefix(String topic) {
    return "Cannot deserialize " + (isKey ? "key" : "value") + " from topic " + topic + ": ";
  }

  /** Either a reader or the reason there is none, for one writer schema id or GUID. */
  private record Entry(int id, UUID guid, String name, Schema writer, DatumReader<Object> reader,
      String failure) {}
}
