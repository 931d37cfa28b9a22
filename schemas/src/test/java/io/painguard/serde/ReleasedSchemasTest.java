package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AlertState;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every schema stays fully compatible with each released version (the schemas as they were
 * released, kept under {@code src/test/resources/released}): consumers on an older schema read
 * what this build writes, and this build reads what older producers wrote. This is the contract's
 * "evolve compatibly" rule as a test: enums grow at the end with UNKNOWN as default, new fields
 * are optional with defaults.
 */
class ReleasedSchemasTest {

  private static Schema released(String name) throws IOException {
    try (InputStream in = ReleasedSchemasTest.class.getResourceAsStream("/released/" + name + "-v1.avsc")) {
      return new Schema.Parser().parse(in);
    }
  }

  private static Schema current(String name) {
    return switch (name) {
      case "ExertionAlert" -> ExertionAlert.getClassSchema();
      case "PainReport" -> PainReport.getClassSchema();
      case "ActivityEvent" -> ActivityEvent.getClassSchema();
      case "AthleteProfile" -> AthleteProfile.getClassSchema();
      case "AlertAcknowledgement" -> AlertAcknowledgement.getClassSchema();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"ExertionAlert", "PainReport", "ActivityEvent", "AthleteProfile", "AlertAcknowledgement"})
  void currentSchemaIsFullyCompatibleWithVersion1(String name) throws IOException {
    Schema old = released(name);
    Schema now = current(name);

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(now, old).getType())
        .as("this build reads %s written by version 1", name)
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(old, now).getType())
        .as("a version-1 consumer reads %s written by this build", name)
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void aVersion1ConsumerReadsAnUpdatedAlertAsUnknownState() throws IOException {
    // Given an alert in a state and with a reason version 1 does not know
    ExertionAlert alert =
        ExertionAlert.newBuilder(Samples.alert())
            .setState(AlertState.UPDATED)
            .setReasons(List.of(Reason.NOT_IMPROVING, Reason.RADICULOPATHY_SIGNS))
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new SpecificDatumWriter<>(ExertionAlert.class).write(alert, encoder);
    encoder.flush();

    // When a consumer with the version-1 schema reads it
    GenericRecord read =
        new GenericDatumReader<GenericRecord>(ExertionAlert.getClassSchema(), released("ExertionAlert"))
            .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

    // Then the unknown symbols fall back to UNKNOWN and the rest reads as written
    assertThat(read.get("state").toString()).isEqualTo("UNKNOWN");
    assertThat(read.get("reasons").toString()).isEqualTo("[UNKNOWN, RADICULOPATHY_SIGNS]");
    assertThat(read.get("alertId").toString()).isEqualTo(alert.getAlertId());
  }
}
