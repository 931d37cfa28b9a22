package io.painguard.registry;

/**
 * A registration as a client sends it.
 *
 * @param id        the id the schema must get (only in IMPORT mode); null when not given
 * @param version   the version it must get: null or 0 for the next one; -1 means "the latest",
 *                  as in Confluent's request
 * @param normalize store Confluent's normalized form of the schema ({@code ?normalize=true})
 */
record RegistrationRequest(SchemaInput schema, Integer id, Integer version, boolean normalize) {

  boolean hasId() {
    return id != null && id >= 0;
  }

  int versionOrZero() {
    return version == null ? 0 : version;
  }
}
