/**
 * A Confluent-wire-compatible Avro serde and schema-registry client.
 *
 * <p>{@link io.painguard.serde.SpecificAvroSerde} / {@link io.painguard.serde.GenericAvroSerde}
 * take the same configuration as Confluent's (keys and defaults: {@link
 * io.painguard.serde.AvroSerdeConfig}), so swapping in Confluent's classes needs no config change.
 * Frames are byte 0x00, a 4-byte big-endian schema id, the Avro binary body ({@link
 * io.painguard.serde.WireFormat}); records whose schema GUID a Confluent 8 producer put in a
 * {@code __value_schema_id} header are read too. Every failure is a Kafka {@code SerializationException} saying
 * what failed; {@code mock://SCOPE} URLs use the in-memory {@link
 * io.painguard.serde.MockSchemaRegistry}. Decoding makes Avro trust {@code io.painguard.events}
 * itself ({@link io.painguard.serde.AvroTrust}).
 */
package io.painguard.serde;
