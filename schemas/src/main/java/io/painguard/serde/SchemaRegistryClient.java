package io.painguard.serde;

import java.io.Closeable;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serde needs. Every failure is a
 * {@link SchemaRegistryException} (a Kafka {@code SerializationException}) saying what failed.
 *
 * <p>Implementations: {@link RestSchemaRegistryClient} (HTTP, usually wrapped in a
 * {@link CachingSchemaRegistryClient}) and {@link MockSchemaRegistry} (in memory, per scope).
 * {@link SchemaRegistryClients#create} picks the right one from a config map.
 */
public interface SchemaRegistryClient extends Closeable {

  /**
   * Registers {@code schema} under {@code subject} (or finds it if already there) and returns its
   * global id. {@code POST /subjects/{subject}/versions}.
   */
  int register(String subject, Schema schema);

  /**
   * The id of {@code schema} already registered under {@code subject}; fails with HTTP 404 if it
   * is not. {@code POST /subjects/{subject}}.
   */
  int getId(String subject, Schema schema);

  /** The schema with global id {@code id}. {@code GET /schemas/ids/{id}}. */
  Schema getSchemaById(int id);

  /**
   * The schema with this GUID, as Confluent 8 names schemas in record headers. {@code GET
   * /schemas/guids/{guid}}.
   */
  Schema getSchemaByGuid(UUID guid);

  /** The latest version under {@code subject}. {@code GET /subjects/{subject}/versions/latest}. */
  RegisteredSchema getLatestSchemaMetadata(String subject);

  /** Releases resources; the shared mock registry ignores it. */
  @Override
  default void close() {}
}
