package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityEvent;
import io.painguard.events.PainReport;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

  private static final String SCOPE = "caching";

  /** Counts the calls that reach the wrapped registry. */
  private static final class Counting implements SchemaRegistryClient {
    final SchemaRegistryClient inner = MockSchemaRegistry.forScope(SCOPE);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public int register(String subject, Schema schema) {
      calls.incrementAndGet();
      return inner.register(subject, schema);
    }

    @Override
    public int getId(String subject, Schema schema) {
      calls.incrementAndGet();
      return inner.getId(subject, schema);
    }

    @Override
    public Schema getSchemaById(int id) {
      calls.incrementAndGet();
      return inner.getSchemaById(id);
    }

    @Override
    public Schema getSchemaByGuid(UUID guid) {
      calls.incrementAndGet();
      return inner.getSchemaByGuid(guid);
    }

    @Override
    public RegisteredSchema getLatestSchemaMetadata(String subject) {
      calls.incrementAndGet();
      return inner.getLatestSchemaMetadata(subject);
    }
  }

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void eachFactIsFetchedOnceWhicheverWayItIsAskedFor() {
    // Given
    Counting counting = new Counting();
    CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(counting);

    // When the same facts are asked for many times, and in different ways
    int id = client.register("a-value", ActivityEvent.getClassSchema());
    UUID guid = ((MockSchemaRegistry) counting.inner).guidOf(id);
    for (int i = 0; i < 100; i++) {
      assertThat(client.getSchemaByGuid(guid)).isEqualTo(ActivityEvent.getClassSchema());
      assertThat(client.register("a-value", ActivityEvent.getClassSchema())).isEqualTo(id);
      assertThat(client.getId("a-value", ActivityEvent.getClassSchema())).isEqualTo(id);
      assertThat(client.getSchemaById(id)).isEqualTo(ActivityEvent.getClassSchema());
      assertThat(client.getLatestSchemaMetadata("a-value").id()).isEqualTo(id);
    }

    // Then the registry answered one registration, one GUID lookup and one latest lookup
    assertThat(counting.calls).hasValue(3);
  }

  @Test
  void failuresAreNotCached() {
    Counting counting = new Counting();
    CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(counting);

    assertThatThrownBy(() -> client.getSchemaById(1)).isInstanceOf(SchemaRegistryException.class);
    counting.inner.register("p-value", PainReport.getClassSchema());

    assertThat(client.getSchemaById(1)).isEqualTo(PainReport.getClassSchema());
    assertThat(counting.calls).hasValue(2);
  }

  @Test
  void latestVersionIsFetchedAgainOnceItsTtlHasPassed() {
    Counting counting = new Counting();
    counting.inner.register("a-value", ActivityEvent.getClassSchema());
    CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(counting, 0);

    client.getLatestSchemaMetadata("a-value");
    client.getLatestSchemaMetadata("a-value");

    assertThat(counting.calls).hasValue(2);
  }
}
