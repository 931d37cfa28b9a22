package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Confluent's normalized form, as {@link AvroSchemaParser} stores it for {@code normalize=true}:
 * what changes (order of properties and aliases, defaults, empty named docs) and what does not.
 */
class AvroNormalizerTest {

  private final AvroSchemaParser parser = new AvroSchemaParser();

  private String normalized(String schema) {
    return parser.parse(schema, List.of(), List.of(), true).normalized();
  }

  private String plain(String schema) {
    return parser.parse(schema, List.of(), List.of(), false).normalized();
  }

  @Test
  void customPropertiesComeInNameOrderAfterTheLogicalTypesOwn() {
    // Given a decimal with properties before and after its logical type's
    String schema = "{\"type\": \"bytes\", \"connect.version\": 1, \"logicalType\": \"decimal\","
        + " \"precision\": 4, \"scale\": 2, \"connect.name\": \"Price\"}";

    // Then the logical type's properties stay first, the rest follow in name order
    assertThat(normalized(schema)).isEqualTo("{\"type\":\"bytes\",\"logicalType\":\"decimal\","
        + "\"precision\":4,\"scale\":2,\"connect.name\":\"Price\",\"connect.version\":1}");
  }

  @Test
  void objectValuedPropertiesAndDefaultsHaveTheirKeysSorted() {
    String schema = "{\"type\": \"record\", \"name\": \"R\", \"x-meta\": {\"z\": 1, \"a\": 2},"
        + " \"fields\": [{\"name\": \"m\", \"type\": {\"type\": \"map\", \"values\": \"int\"},"
        + " \"default\": {\"k2\": 2, \"k1\": 1}}]}";

    assertThat(normalized(schema)).isEqualTo("{\"type\":\"record\",\"name\":\"R\",\"fields\":["
        + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":\"int\"},\"default\":{\"k1\":1,\"k2\":2}}],"
        + "\"x-meta\":{\"a\":2,\"z\":1}}");
  }

  @Test
  void fieldDetailsAreKeptAndTheirAliasesSorted() {
    String schema = "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"f\","
        + " \"type\": \"float\", \"doc\": \"\", \"order\": \"descending\", \"aliases\": [\"b\", \"a\"],"
        + " \"default\": 2, \"x-unit\": \"kg\"}]}";

    assertThat(normalized(schema)).isEqualTo("{\"type\":\"record\",\"name\":\"R\",\"fields\":["
        + "{\"name\":\"f\",\"type\":\"float\",\"doc\":\"\",\"default\":2.0,\"order\":\"descending\","
        + "\"aliases\":[\"a\",\"b\"],\"x-unit\":\"kg\"}]}");
  }

  @Test
  void anEnumKeepsItsSymbolsAndDefault() {
    String schema = "{\"type\": \"enum\", \"name\": \"Limb\", \"symbols\": [\"UNKNOWN\", \"LEFT_LEG\"],"
        + " \"default\": \"UNKNOWN\", \"doc\": \"Which limb\"}";

    assertThat(normalized(schema)).isEqualTo(plain(schema));
  }

  @Test
  void aSchemaAlreadyInOrderIsUnchanged() {
    assertThat(normalized(TestSchemas.BASE)).isEqualTo(plain(TestSchemas.BASE));
    assertThat(normalized(TestSchemas.ADD_FIELD_WITH_DEFAULT)).isEqualTo(plain(TestSchemas.ADD_FIELD_WITH_DEFAULT));
  }

  @Test
  void aNamedTypeUsedTwiceIsWrittenByNameTheSecondTime() {
    String schema = "{\"type\": \"record\", \"name\": \"Pair\", \"fields\": ["
        + "{\"name\": \"left\", \"type\": {\"type\": \"fixed\", \"name\": \"Md5\", \"size\": 16}},"
        + "{\"name\": \"right\", \"type\": \"Md5\"}]}";

    assertThat(normalized(schema)).isEqualTo(plain(schema)).contains("\"type\":\"Md5\"");
  }

  @Test
  void referencedTypesStayReferencedByName() {
    String limb = "{\"type\":\"enum\",\"name\":\"Limb\",\"namespace\":\"io.painguard.test\","
        + "\"symbols\":[\"UNKNOWN\"]}";
    List<SchemaReference> references = List.of(
        new SchemaReference("io.painguard.test.Limb", "limb", 2),
        new SchemaReference("io.painguard.test.Limb", "limb", 2),
        new SchemaReference("io.painguard.test.Limb", "alpha", 1));

    ParsedSchema parsed = parser.parse("{\"type\": \"array\", \"items\": \"io.painguard.test.Limb\"}",
        references, List.of(limb), true);

    assertThat(parsed.normalized()).isEqualTo("{\"type\":\"array\",\"items\":\"io.painguard.test.Limb\"}");
    assertThat(parsed.references()).as("by subject, then version, without duplicates").containsExactly(
        new SchemaReference("io.painguard.test.Limb", "alpha", 1),
        new SchemaReference("io.painguard.test.Limb", "limb", 2));
  }
}
