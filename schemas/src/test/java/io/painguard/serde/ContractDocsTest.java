package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.contract.ContractTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The contract says every field has a {@code doc}: checked for every topic's schema, nested records too. */
class ContractDocsTest {

  @Test
  void everyFieldOfEveryContractSchemaHasADoc() {
    // Given every topic's value schema
    Map<String, Schema> schemas = ContractTopics.valueSchemas();

    // When the fields without a doc are collected
    List<String> undocumented = new ArrayList<>();
    schemas.values().forEach(schema -> collect(schema, undocumented));

    // Then there are none
    assertThat(schemas).containsKey(ContractTopics.ALERT_ACKNOWLEDGEMENTS);
    assertThat(undocumented).isEmpty();
  }

  @Test
  void theAcknowledgementTopicKeepsItsAuditTrailForAYear() {
    // Given / When
    Map<String, String> configs = ContractTopics.creationConfigs(ContractTopics.ALERT_ACKNOWLEDGEMENTS);

    // Then
    assertThat(configs).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "31536000000");
    assertThat(ContractTopics.creationConfigs(ContractTopics.ATHLETE_PROFILES)).containsEntry("cleanup.policy", "compact");
    assertThat(ContractTopics.creationConfigs(ContractTopics.PAIN_REPORTS)).isEmpty();
  }

  private static void collect(Schema schema, List<String> undocumented) {
    switch (schema.getType()) {
      case RECORD -> schema.getFields().forEach(f -> {
        if (f.doc() == null || f.doc().isBlank()) {
          undocumented.add(schema.getName() + "." + f.name());
        }
        collect(f.schema(), undocumented);
      });
      case UNION -> schema.getTypes().forEach(t -> collect(t, undocumented));
      case ARRAY -> collect(schema.getElementType(), undocumented);
      default -> { }
    }
  }
}
