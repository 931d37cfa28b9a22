package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.DeviceSource;
import io.painguard.events.PainReport;
import io.painguard.runtime.http.ApiClient;
import io.painguard.serde.SpecificAvroSerializer;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/athletes/{id}/session} on two instances of the app on the real broker and
 * registry: Given coach A's athlete ran for twenty minutes (ending five minutes ago) in moderate
 * pain, When either instance is asked for her session, Then it answers from the owner (locally or
 * forwarded) with every minute -- the final ones from the minutes store through IQv2, the newer
 * ones from her state -- her pain report without its note, and her alert; coach B gets 403; hours
 * beyond the retention are refused; the owner counts one row written per final minute.
 */
@KafkaStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEndpointIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String NOTE = "knee and back after the intervals, private";
  private final ObjectMapper json = new ObjectMapper();
  private AppUnderTest first;
  private AppUnderTest second;
  private ApiClient one;
  private ApiClient two;
  private KafkaProducer<String, SpecificRecord> producer;

  @BeforeAll
  void start(KafkaStack stack, @TempDir Path dir) {
    first = new AppUnderTest(stack, dir.resolve("first"));
    second = new AppUnderTest(stack, dir.resolve("second"), first);
    one = new ApiClient(first.app.httpPort());
    two = new ApiClient(second.app.httpPort());
    Map<String, Object> config = new HashMap<>(stack.clientProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    producer = new KafkaProducer<>(config, new StringSerializer(), values);
    await("the two instances sharing the partitions").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
        .until(() -> settled(first.app.streams()) && settled(second.app.streams()));
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {producer, one, two, second, first}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing the rest anyway
      }
    }
  }

  private static boolean settled(KafkaStreams streams) {
    return streams.state() == KafkaStreams.State.RUNNING
        && streams.metadataForAllStreamsClients().size() == 2
        && streams.metadataForAllStreamsClients().stream().allMatch(m -> !m.topicPartitions().isEmpty());
  }

  @Test
  void eitherInstanceAnswersWithEveryMinuteOfTheSessionTheReportAndTheAlert() throws Exception {
    // Given coach A's athlete (HRrest 60, HRmax 180) in moderate pain (5/10, ceiling 132 bpm),
    // running at 160 bpm for twenty minutes that ended five minutes ago, one sample a second
    String athlete = "sara-" + first.run;
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(25));
    session(athlete, start, 20 * 60);

    // When either instance is asked for her last three hours
    for (ApiClient client : List.of(one, two)) {
      JsonNode body =
          await("her twenty minutes").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
              .until(() -> session(client, athlete), b -> b != null && b.get("minutes").size() == 20);

      // Then every minute is there, oldest first, the whole minute above the ceiling
      JsonNode minutes = body.get("minutes");
      assertThat(minutes.get(0).get("start").asText()).isEqualTo(start.toString());
      assertThat(minutes.get(19).get("start").asText()).isEqualTo(start.plus(Duration.ofMinutes(19)).toString());
      for (JsonNode minute : minutes) {
        assertThat(minute.get("avgHeartRateBpm").asInt()).isEqualTo(160);
        assertThat(minute.get("ceilingHeartRateBpm").asInt()).isEqualTo(132);
        assertThat(minute.get("secondsAboveCeiling").asInt()).isEqualTo(60);
        assertThat(minute.get("activity").asText()).isEqualTo("RUNNING");
        assertThat(minute.get("activityLabel").asText()).isEqualTo("Running");
        assertThat(minute.get("painLevel").asInt()).isEqualTo(5);
      }
      // And her report is a marker with its level in words, never its note
      assertThat(body.at("/painReports/0/reportId").asText()).isEqualTo("report-" + athlete);
      assertThat(body.at("/painReports/0/label").asText()).isEqualTo("Moderate pain (5/10)");
      assertThat(body.toString()).doesNotContain(NOTE);
      // And her alert is among the span's alerts
      assertThat(body.get("alerts")).extracting(a -> a.get("severity").asText()).contains("REDUCE_INTENSITY");
    }

    // And coach B learns nothing; hours beyond the retention (24 h) are refused
    HttpResponse<String> otherCoach = two.get("/api/athletes/" + athlete + "/session", AppUnderTest.COACH_B);
    assertThat(otherCoach.statusCode()).isEqualTo(403);
    assertThat(one.get("/api/athletes/" + athlete + "/session?hours=25", AppUnderTest.COACH_A).statusCode())
        .isEqualTo(400);

    // And the minutes final by the 15-minute bound (those ending at least 15 minutes before her
    // last sample) were written once each, by the owner
    long lastSample = start.plusSeconds(20 * 60 - 1).toEpochMilli();
    long finalMinutes = (lastSample - 60_000 - 15 * 60_000 - start.toEpochMilli()) / 60_000 + 1;
    String series = "painguard_summary_minutes_written_total";
    assertThat(value(one.get("/metrics", null).body(), series) + value(two.get("/metrics", null).body(), series))
        .isEqualTo((double) finalMinutes);
  }

  private JsonNode session(ApiClient client, String athlete) throws Exception {
    HttpResponse<String> r = client.get("/api/athletes/" + athlete + "/session?hours=3", AppUnderTest.COACH_A);
    return r.statusCode() == 200 ? json.readTree(r.body()) : null;
  }

  private void session(String athlete, Instant start, int seconds) {
    send("athlete-profiles", athlete, AthleteProfile.newBuilder()
        .setAthleteId(athlete)
        .setUpdatedAt(start.minus(Duration.ofDays(30)))
        .setRestingHeartRateBpm(60)
        .setMaxHeartRateBpm(180)
        .setCoachId("coach-a")
        .build());
    send("pain-reports", athlete, PainReport.newBuilder()
        .setReportId("report-" + athlete)
        .setAthleteId(athlete)
        .setTimestamp(start)
        .setLevel(5)
        .setNote(NOTE)
        .build());
    for (int s = 0; s < seconds; s++) {
      send("activity-events", athlete, ActivityEvent.newBuilder()
          .setEventId(athlete + "-" + s)
          .setAthleteId(athlete)
          .setTimestamp(start.plusSeconds(s))
          .setActivityType(ActivityType.RUNNING)
          .setSource(DeviceSource.CHEST_STRAP)
          .setHeartRateBpm(160)
          .build());
    }
    producer.flush();
  }

  private void send(String contractTopic, String key, SpecificRecord value) {
    producer.send(new ProducerRecord<>(first.topic(contractTopic), key, value));
  }

  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
  }
}
