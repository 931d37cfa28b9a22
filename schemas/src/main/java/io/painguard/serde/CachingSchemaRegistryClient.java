package io.painguard.serde;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * Remembers every answer of the registry it wraps, both ways: subject + schema -> id (shared by
 * {@link #register} and {@link #getId}, as both name the same fact), id -> schema and GUID ->
 * schema. Ids and
 * schemas never change once registered, so entries never expire and a registry outage leaves
 * everything already seen working. The latest version of a subject can change; it is kept for
 * {@link AvroSerdeConfig#LATEST_CACHE_TTL_SEC} seconds (negative: forever).
 *
 * <p>Concurrent callers asking for the same missing entry wait for one registry call.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

  private final SchemaRegistryClient delegate;
  private final long latestTtlNanos;
  private final ConcurrentMap<String, ConcurrentMap<Schema, Integer>> idsBySubject =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final ConcurrentMap<UUID, Schema> schemasByGuid = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, TimedLatest> latestBySubject = new ConcurrentHashMap<>();

  /** Caches forever, including the latest versions. */
  public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
    this(delegate, -1);
  }

  /** @param latestTtlSec how long to keep latest versions; negative keeps them forever */
  public CachingSchemaRegistryClient(SchemaRegistryClient delegate, long latestTtlSec) {
    this.delegate = delegate;
    this.latestTtlNanos = latestTtlSec < 0 ? -1 : latestTtlSec * 1_000_000_000L;
  }

  @Override
  public int register(String subject, Schema schema) {
    return ids(subject).computeIfAbsent(schema, s -> remember(delegate.register(subject, s), s));
  }

  @Override
  public int getId(String subject, Schema schema) {
    return ids(subject).computeIfAbsent(schema, s -> remember(delegate.getId(subject, s), s));
  }

  @Override
  public Schema getSchemaById(int id) {
    return schemasById.computeIfAbsent(id, delegate::getSchemaById);
  }

  @Override
  public Schema getSchemaByGuid(UUID guid) {
    return schemasByGuid.computeIfAbsent(guid, delegate::getSchemaByGuid);
  }

  @Override
  public RegisteredSchema getLatestSchemaMetadata(String subject) {
    TimedLatest cached = latestBySubject.get(subject);
    if (cached != null && cached.isFresh(latestTtlNanos)) {
      return cached.latest();
    }
    RegisteredSchema latest = delegate.getLatestSchemaMetadata(subject);
    latestBySubject.put(subject, new TimedLatest(latest, System.nanoTime()));
    schemasById.putIfAbsent(latest.id(), latest.schema());
    ids(subject).putIfAbsent(latest.schema(), latest.id());
    return latest;
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "Caching(" + delegate + ")";
  }

  private ConcurrentMap<Schema, Integer> ids(String subject) {
    ConcurrentMap<Schema, Integer> ids = idsBySubject.get(subject);
    return ids != null ? ids : idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
  }

  private Integer remember(int id, Schema schema) {
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  private record TimedLatest(RegisteredSchema latest, long fetchedAtNanos) {
    boolean isFresh(long ttlNanos) {
      return ttlNanos < 0 || System.nanoTime() - fetchedAtNanos < ttlNanos;
    }
  }
}
