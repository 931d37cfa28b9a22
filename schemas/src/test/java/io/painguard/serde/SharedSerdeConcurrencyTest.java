package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.PainReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One serde instance shared by several threads, as a Kafka producer shares its serializer. */
class SharedSerdeConcurrencyTest {

  private static final String SCOPE = "shared";

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void threadsSharingOneSerdeEachGetTheirOwnRecordsBack() throws Exception {
    // Given one classless serde and four threads writing two record types to two topics
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Integer>> jobs = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      jobs.add(() -> {
        int checked = 0;
        for (int i = 0; i < 2_000; i++) {
          SpecificRecord record = (i + thread) % 2 == 0
              ? ActivityEvent.newBuilder(Samples.activity()).setEventId(thread + "-" + i).build()
              : PainReport.newBuilder(Samples.painReport()).setReportId(thread + "-" + i)
                  .setNote("x".repeat(i % 300)).build();
          String topic = record instanceof ActivityEvent ? "activity" : "pain";
          SpecificRecord back = serde.deserializer().deserialize(topic,
              serde.serializer().serialize(topic, record));
          if (!record.equals(back)) {
            throw new AssertionError("thread " + thread + " got " + back + " for " + record);
          }
          checked++;
        }
        return checked;
      });
    }

    // When
    int total = 0;
    for (Future<Integer> result : pool.invokeAll(jobs)) {
      total += result.get();
    }
    pool.shutdown();

    // Then every record came back intact, and each schema was registered once
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(total).isEqualTo(8_000);
    // (which subject registers first is up to the threads: ids 1 and 2, one each)
    List<Integer> activityIds = MockSchemaRegistry.forScope(SCOPE).versionIds("activity-value");
    List<Integer> painIds = MockSchemaRegistry.forScope(SCOPE).versionIds("pain-value");
    assertThat(activityIds).hasSize(1);
    assertThat(painIds).hasSize(1);
    assertThat(List.of(activityIds.get(0), painIds.get(0))).containsExactlyInAnyOrder(1, 2);
  }
}
