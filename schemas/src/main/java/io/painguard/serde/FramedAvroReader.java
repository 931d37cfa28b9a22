package io.painguard.serde;

import java.io.EOFException;
import java.io.IOException;
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

/**
 * The deserializers' engine: per writer schema id it fetches the writer schema once, picks the
 * reader schema, checks they are compatible and builds a resolving DatumReader; every later record
 * with that id decodes with no registry call and no schema work. Safe to share between threads.
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
    if (data == null) {
      return null;
    }
    if (data.length < WireFormat.HEADER_SIZE || data[0] != WireFormat.MAGIC_BYTE) {
      throw new SerializationException(prefix(topic) + WireFormat.problemWith(data).orElseThrow());
    }
    int id = WireFormat.readId(data);
    Entry entry = last;
    if (entry == null || entry.id != id) {
      entry = entry(topic, id);
      last = entry;
    }
    if (entry.failure != null) {
      throw new SerializationException(prefix(topic) + entry.failure);
    }
    BinaryDecoder reused = decoders.get();
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(data, WireFormat.HEADER_SIZE, WireFormat.bodyLength(data), reused);
    if (decoder != reused) {
      decoders.set(decoder);
    }
    try {
      return entry.reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(prefix(topic) + bodyProblem(e) + " (" + data.length
          + "-byte payload, writer schema " + entry.writer.getFullName() + " id " + id + "): " + e,
          e);
    }
  }

  private Entry entry(String topic, int id) {
    Entry entry = entriesById.get(id);
    if (entry != null) {
      return entry;
    }
    Schema writer;
    try {
      writer = registry.getSchemaById(id);
    } catch (SchemaRegistryException e) {
      // Not cached: a registry that is down now may answer the next record.
      String what = e.isNotFound() ? "unknown schema id " + id + ". "
          : "cannot fetch writer schema id " + id + ". ";
      throw new SerializationException(prefix(topic) + what + e.getMessage(), e);
    }
    return entriesById.computeIfAbsent(id, i -> build(i, writer));
  }

  private Entry build(int id, Schema writer) {
    Reading reading;
    try {
      reading = readerChoice.choose(writer);
    } catch (SerializationException e) {
      return new Entry(id, writer, null, e.getMessage());
    }
    Schema reader = reading.readerSchema();
    if (reader != writer && !reader.equals(writer)) {
      var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
      if (compatibility.getType() == SchemaCompatibilityType.INCOMPATIBLE) {
        return new Entry(id, writer, null, "reader/writer schema mismatch: data written with "
            + writer.getFullName() + " (schema id " + id + ") cannot be read as "
            + reader.getFullName() + ": " + describe(compatibility.getResult()));
      }
    }
    @SuppressWarnings("unchecked")
    DatumReader<Object> datumReader =
        (DatumReader<Object>) reading.model().createDatumReader(writer, reader);
    return new Entry(id, writer, datumReader, null);
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

  /** Either a reader or the reason there is none, for one writer schema id. */
  private record Entry(int id, Schema writer, DatumReader<Object> reader, String failure) {}
}
