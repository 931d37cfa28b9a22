package io.painguard.registry;

/** Small Avro schemas for the tests, named by how they differ from {@link #BASE}. */
final class TestSchemas {

  static final String BASE = """
      {"type": "record", "name": "PainReport", "namespace": "io.painguard.test",
       "fields": [
         {"name": "athleteId", "type": "string"},
         {"name": "level", "type": "int"}]}""";

  /** BASE written differently: other whitespace, other key order, the namespace in the name. */
  static final String BASE_REFORMATTED = """
      {
        "fields" : [ { "type" : "string", "name" : "athleteId" },
                     { "name" : "level",   "type" : { "type": "int" } } ],
        "name" : "io.painguard.test.PainReport",
        "type" : "record"
      }""";

  static final String ADD_FIELD_WITHOUT_DEFAULT = """
      {"type": "record", "name": "PainReport", "namespace": "io.painguard.test",
       "fields": [
         {"name": "athleteId", "type": "string"},
         {"name": "level", "type": "int"},
         {"name": "note", "type": "string"}]}""";

  static final String ADD_FIELD_WITH_DEFAULT = """
      {"type": "record", "name": "PainReport", "namespace": "io.painguard.test",
       "fields": [
         {"name": "athleteId", "type": "string"},
         {"name": "level", "type": "int"},
         {"name": "note", "type": ["null", "string"], "default": null}]}""";

  static final String REMOVE_FIELD = """
      {"type": "record", "name": "PainReport", "namespace": "io.painguard.test",
       "fields": [
         {"name": "athleteId", "type": "string"}]}""";

  static final String CHANGE_FIELD_TYPE = """
      {"type": "record", "name": "PainReport", "namespace": "io.painguard.test",
       "fields": [
         {"name": "athleteId", "type": "string"},
         {"name": "level", "type": "string"}]}""";

  /** BASE with a default on level. */
  static final String LEVEL_WITH_DEFAULT = """
      {"type": "record", "name": "PainReport", "namespace": "io.painguard.test",
       "fields": [
         {"name": "athleteId", "type": "string"},
         {"name": "level", "type": "int", "default": 0}]}""";

  static final String OTHER_RECORD = """
      {"type": "record", "name": "ActivitySample", "namespace": "io.painguard.test",
       "fields": [{"name": "heartRateBpm", "type": "int"}]}""";

  private TestSchemas() {
  }

  static String byName(String name) {
    return switch (name) {
      case "BASE" -> BASE;
      case "ADD_FIELD_WITHOUT_DEFAULT" -> ADD_FIELD_WITHOUT_DEFAULT;
      case "ADD_FIELD_WITH_DEFAULT" -> ADD_FIELD_WITH_DEFAULT;
      case "REMOVE_FIELD" -> REMOVE_FIELD;
      case "CHANGE_FIELD_TYPE" -> CHANGE_FIELD_TYPE;
      case "LEVEL_WITH_DEFAULT" -> LEVEL_WITH_DEFAULT;
      default -> throw new IllegalArgumentException(name);
    };
  }
}
