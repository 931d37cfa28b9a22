package io.painguard.registry;

/**
 * A named type that a schema takes from another registered schema (Confluent's {@code references}).
 *
 * @param name    the full name of the referenced Avro type, e.g. {@code io.painguard.events.Limb}
 * @param subject the subject that holds the referenced schema
 * @param version its version in that subject; -1 means the latest at registration time
 */
public record SchemaReference(String name, String subject, int version) {
}
