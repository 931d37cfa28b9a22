package io.painguard.systemtest.hostile;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.RecordEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * A generated corpus of malformed records: every kind the issue names, many of each, all
 * deterministic for a seed. Each record knows the dead-letter reason the app must give it.
 */
final class HostileCorpus {

  /** One bad record: where it goes, its bytes, and the reason header expected on the DLQ. */
  record Bad(String kind, String topic, byte[] key, byte[] value, String expectedReason) {}

  private final TopicNames topics;
  private final RecordEncoder encoder;
  private final SplittableRandom random;
  private final Instant now = Instant.now();

  HostileCorpus(TopicNames topics, RecordEncoder encoder, long seed) {
    this.topics = topics;
    this.encoder = encoder;
    this.random = new SplittableRandom(seed);
  }

  /** {@code perKind} records of each of the kinds below. */
  List<Bad> generate(int perKind) {
    List<Bad> corpus = new ArrayList<>();
    List<BiFunction<Integer, String, Bad>> kinds = List.of(
        this::randomBytes,
        this::truncatedAvro,
        this::unknownSchemaId,
        this::wrongMagicByte,
        this::emptyValue,
        this::tombstone,
        this::nullKey,
        this::keyDiffersFromAthlete,
        this::heartRateOutOfRange,
        this::painLevelOutOfRange,
        this::notANumber,
        this::farFuture,
        this::farPast,
        this::hugeStrings,
        this::wrongSchemaForTopic);
    for (int i = 0; i < perKind; i++) {
      for (BiFunction<Integer, String, Bad> kind : kinds) {
        corpus.add(kind.apply(i, "hostile-" + (i % 17)));
      }
    }
    return corpus;
  }

  private Bad randomBytes(int i, String athlete) {
    byte[] bytes = new byte[1 + random.nextInt(300)];
    random.nextBytes(bytes);
    bytes[0] = (byte) (1 + random.nextInt(255)); // never the magic byte, so never a valid frame
    return new Bad("random bytes", pick(i), key(athlete), bytes, "UNDECODABLE");
  }

  private Bad truncatedAvro(int i, String athlete) {
    byte[] valid = encoder.encode(topics.activity(), sample(athlete, i).build());
    int keep = 5 + random.nextInt(Math.max(1, Math.min(12, valid.length - 6)));
    return new Bad("truncated Avro", topics.activity(), key(athlete), Arrays.copyOf(valid, keep), "UNDECODABLE");
  }

  private Bad unknownSchemaId(int i, String athlete) {
    byte[] valid = encoder.encode(topics.pain(), pain(athlete, i, 3).build());
    ByteBuffer.wrap(valid).putInt(1, 900_000 + i);
    return new Bad("unknown schema id", topics.pain(), key(athlete), valid, "SCHEMA_NOT_FOUND");
  }

  private Bad wrongMagicByte(int i, String athlete) {
    byte[] valid = encoder.encode(topics.activity(), sample(athlete, i).build());
    valid[0] = (byte) (1 + (i % 200));
    return new Bad("wrong magic byte", topics.activity(), key(athlete), valid, "UNDECODABLE");
  }

  private Bad emptyValue(int i, String athlete) {
    return new Bad("empty value", pick(i), key(athlete), new byte[0], "UNDECODABLE");
  }

  private Bad tombstone(int i, String athlete) {
    // Event topics only: on the profiles topic a tombstone is an erasure, not a bad record.
    return new Bad("tombstone", i % 2 == 0 ? topics.activity() : topics.pain(), key(athlete), null, "NULL_VALUE");
  }

  private Bad nullKey(int i, String athlete) {
    return new Bad("null key", topics.activity(), null, encoder.encode(topics.activity(), sample(athlete, i).build()), "NULL_KEY");
  }

  private Bad keyDiffersFromAthlete(int i, String athlete) {
    return new Bad("key differs from athleteId", topics.pain(), key("someone-else-" + i),
        encoder.encode(topics.pain(), pain(athlete, i, 4).build()), "INVALID");
  }

  private Bad heartRateOutOfRange(int i, String athlete) {
    int bpm = i % 2 == 0 ? 251 + random.nextInt(5_000) : random.nextInt(20) - 5;
    return new Bad("heart rate " + bpm, topics.activity(), key(athlete),
        encoder.encode(topics.activity(), sample(athlete, i).setHeartRateBpm(bpm).build()), "INVALID");
  }

  private Bad painLevelOutOfRange(int i, String athlete) {
    int level = i % 2 == 0 ? 11 + random.nextInt(100) : -1 - random.nextInt(100);
    return new Bad("pain level " + level, topics.pain(), key(athlete),
        encoder.encode(topics.pain(), pain(athlete, i, level).build()), "INVALID");
  }

  private Bad notANumber(int i, String athlete) {
    ActivityEvent.Builder b = sample(athlete, i);
    switch (i % 4) {
      case 0 -> b.setSpeedMps(Float.NaN);
      case 1 -> b.setLoadKg(Float.POSITIVE_INFINITY);
      case 2 -> b.setTrunkFlexionDeg(Float.NaN);
      default -> b.setPowerWatts(-1 - random.nextInt(1000));
    }
    return new Bad("NaN or negative measurement", topics.activity(), key(athlete),
        encoder.encode(topics.activity(), b.build()), "INVALID");
  }

  private Bad farFuture(int i, String athlete) {
    Instant at = i % 2 == 0 ? now.plus(Duration.ofDays(2 + random.nextInt(3650))) : Instant.parse("2999-12-31T23:59:59Z");
    return new Bad("timestamp far in the future", topics.activity(), key(athlete),
        encoder.encode(topics.activity(), sample(athlete, i).setTimestamp(at).build()), "INVALID");
  }

  private Bad farPast(int i, String athlete) {
    Instant at = i % 3 == 0 ? Instant.parse("1999-01-01T00:00:00Z")
        : i % 3 == 1 ? Instant.ofEpochMilli(-1_000L * (1 + random.nextInt(1_000_000)))
        : now.minus(Duration.ofDays(31 + random.nextInt(3650)));
    String topic = i % 2 == 0 ? topics.activity() : topics.pain();
    var value = topic.equals(topics.activity())
        ? sample(athlete, i).setTimestamp(at).build()
        : pain(athlete, i, 5).setTimestamp(at).build();
    return new Bad("timestamp far in the past", topic, key(athlete), encoder.encode(topic, value), "INVALID");
  }

  private Bad hugeStrings(int i, String athlete) {
    int size = 20_000 + random.nextInt(200_000);
    return switch (i % 3) {
      case 0 -> new Bad("huge pain note", topics.pain(), key(athlete),
          encoder.encode(topics.pain(), pain(athlete, i, 4).setNote("n".repeat(size)).build()), "INVALID");
      case 1 -> {
        String huge = "a".repeat(size);
        yield new Bad("huge athlete id", topics.activity(), key(huge),
            encoder.encode(topics.activity(), sample(huge, i).build()), "INVALID");
      }
      default -> new Bad("huge coach id", topics.profile(), key(athlete),
          encoder.encode(topics.profile(), AthleteProfile.newBuilder().setAthleteId(athlete).setUpdatedAt(now)
              .setCoachId("c".repeat(size)).build()), "INVALID");
    };
  }

  private Bad wrongSchemaForTopic(int i, String athlete) {
    // A pain report, properly framed and registered, on the activity topic.
    return new Bad("a pain report on the activity topic", topics.activity(), key(athlete),
        encoder.encode(topics.pain(), pain(athlete, i, 3).build()), "UNDECODABLE");
  }

  private String pick(int i) {
    return switch (i % 3) {
      case 0 -> topics.activity();
      case 1 -> topics.pain();
      default -> topics.profile();
    };
  }

  private ActivityEvent.Builder sample(String athlete, int i) {
    return ActivityEvent.newBuilder()
        .setEventId(athlete.length() > 100 ? "e-" + i : athlete + "-bad-" + i)
        .setAthleteId(athlete)
        .setTimestamp(now.minusSeconds(600 - i % 300))
        .setActivityType(ActivityType.RUNNING)
        .setHeartRateBpm(150);
  }

  private PainReport.Builder pain(String athlete, int i, int level) {
    return PainReport.newBuilder()
        .setReportId(athlete + "-bad-report-" + i)
        .setAthleteId(athlete)
        .setTimestamp(now.minusSeconds(600 - i % 300))
        .setLevel(level);
  }

  private static byte[] key(String athlete) {
    return athlete.getBytes(StandardCharsets.UTF_8);
  }
}
