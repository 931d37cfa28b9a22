package io.painguard.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * A schema that parsed, with everything the registry derives from it.
 *
 * @param normalized the text to store and return: Avro's normalized form, with referenced types
 *                   written by name only
 * @param identity   the key for "same schema" (see {@link SchemaIdentity})
 */
record ParsedSchema(Schema schema, String normalized, String identity,
    List<SchemaReference> references) {
}
