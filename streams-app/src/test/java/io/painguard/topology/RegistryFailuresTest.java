package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.serde.SchemaRegistryException;
import io.painguard.serde.UnsupportedSchemaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each class of registry answer: wait for it, or dead-letter the record at once with which reason. */
class RegistryFailuresTest {

  @ParameterizedTest
  @CsvSource({
    "401, REGISTRY_UNAUTHORIZED",
    "403, REGISTRY_UNAUTHORIZED",
    "404, SCHEMA_NOT_FOUND",
    "422, SCHEMA_UNSUPPORTED",
    "400, REGISTRY_REJECTED",
    "405, REGISTRY_REJECTED",
    "406, REGISTRY_REJECTED",
    "409, REGISTRY_REJECTED",
    "415, REGISTRY_REJECTED"
  })
  void aClientErrorDeadLettersTheRecordAtOnceWithItsReason(int status, DeadLetters.Reason reason) {
    Throwable failure = asTheDeserializerThrowsIt(registry(status));

    assertThat(RegistryFailures.waitFor(failure)).isFalse();
    assertThat(RegistryFailures.deadLetterReason(failure)).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(ints = {SchemaRegistryException.NO_RESPONSE, 500, 502, 503, 504, 408, 429, 200})
  void noAnswerAServerErrorATimeoutOrAForeignAnswerIsWaitedFor(int status) {
    Throwable failure = asTheDeserializerThrowsIt(registry(status));

    assertThat(RegistryFailures.waitFor(failure)).isTrue();
    assertThat(RegistryFailures.deadLetterReason(failure)).isEmpty();
  }

  @Test
  void aSchemaWithReferencesOrNotAvroIsUnsupportedAndNotWaitedFor() {
    Throwable failure = asTheDeserializerThrowsIt(new UnsupportedSchemaException("uses 1 schema reference(s)", null));

    assertThat(RegistryFailures.waitFor(failure)).isFalse();
    assertThat(RegistryFailures.deadLetterReason(failure)).contains(DeadLetters.Reason.SCHEMA_UNSUPPORTED);
  }

  @Test
  void failuresWithoutTheRegistryAreNotItsBusiness() {
    Throwable garbage = new SerializationException("the Avro body is truncated");
    Throwable kafka = new TimeoutException("broker slow");

    assertThat(RegistryFailures.deadLetterReason(garbage)).isEmpty();
    assertThat(RegistryFailures.waitFor(garbage)).isFalse();
    assertThat(RegistryFailures.deadLetterReason(kafka)).isEmpty();
    assertThat(RegistryFailures.waitFor(kafka)).as("a retriable Kafka error").isTrue();
  }

  @Test
  void outsideDecodingAnyRegistryFailureButA404StillFailsTheTaskSoNoAlertIsDropped() {
    assertThat(TransientErrors.isTransient(asTheDeserializerThrowsIt(registry(401)))).isTrue();
    assertThat(TransientErrors.isTransient(asTheDeserializerThrowsIt(registry(404)))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "401, 401, REGISTRY_UNAUTHORIZED",
    "403, 40301, REGISTRY_UNAUTHORIZED",
    "404, 40403, SCHEMA_NOT_FOUND",
    "404, 40401, SCHEMA_NOT_FOUND",
    "422, 42201, SCHEMA_UNSUPPORTED",
    "409, 409, REGISTRY_REJECTED"
  })
  void confluentsSerdeAnswersAreReadFromItsRestClientExceptionsErrorCode(
      int status, int errorCode, DeadLetters.Reason reason) {
    // Wrapped as Confluent's deserializer wraps them: a 401 in an AuthenticationException, a 404
    // in a SerializationException
    RestClientException answer = new RestClientException("Schema 7 not found", status, errorCode);
    Throwable failure = status == 401
        ? new org.apache.kafka.common.errors.AuthenticationException("Error retrieving Avro value schema for id 7", answer)
        : new SerializationException("Error retrieving Avro value schema for id 7", answer);

    assertThat(RegistryFailures.waitFor(failure)).isFalse();
    assertThat(RegistryFailures.deadLetterReason(failure)).contains(reason);
  }

  @Test
  void confluentsSerdeFailingToReachTheRegistryIsWaitedFor() {
    Throwable refused = new SerializationException("Error retrieving Avro value schema for id 7",
        new java.net.ConnectException("Connection refused"));
    Throwable serverError = new SerializationException("Error retrieving Avro value schema for id 7",
        new RestClientException("Internal Server Error", 500, 50001));
    Throwable timedOut = new TimeoutException("Error retrieving Avro value schema for id 7",
        new RestClientException("Request Timeout", 504, 50002));
    Throwable truncatedBody = new SerializationException("Error deserializing Avro message for id 7",
        new java.io.EOFException());

    assertThat(RegistryFailures.waitFor(refused)).isTrue();
    assertThat(RegistryFailures.waitFor(serverError)).isTrue();
    assertThat(RegistryFailures.waitFor(timedOut)).isTrue();
    assertThat(RegistryFailures.deadLetterReason(refused)).isEmpty();
    assertThat(RegistryFailures.waitFor(truncatedBody)).as("a broken record, not the registry").isFalse();
    assertThat(RegistryFailures.deadLetterReason(truncatedBody)).isEmpty();
    assertThat(TransientErrors.isTransient(refused)).isTrue();
    assertThat(TransientErrors.isTransient(new SerializationException("x",
        new RestClientException("Subject not found", 404, 40401)))).isFalse();
  }

  private static SchemaRegistryException registry(int status) {
    return new SchemaRegistryException("Schema registry http://127.0.0.1:1 answered GET /schemas/ids/7 with HTTP "
        + status, status, status * 100 + 1, "refused", null);
  }

  /** Wrapped as {@code FramedAvroReader} wraps it. */
  private static Throwable asTheDeserializerThrowsIt(SchemaRegistryException e) {
    return new SerializationException("Cannot deserialize value from topic pain-reports: " + e.getMessage(), e);
  }
}
