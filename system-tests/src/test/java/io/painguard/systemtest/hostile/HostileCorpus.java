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
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * A generated corpus of malformed records: every kind the issue names, many of each, all
 * deterministic for a seed. Each record knows the dead-letter reason the app must give it.
 *
 * <p>The records are aimed at real athletes: every key (where a kind has one) is the id of an
 * athlete who also sends valid traffic, drawn at random from the list given (the test checks they
 * reach every partition); where a kind keeps a valid-looking athleteId in the value, it is that
 * athlete too.
 * Timestamps that are meant to be plausible lie around the valid traffic's event time where the
 * record goes (up to {@link #SPREAD} behind or ahead of it), as a producer mixing into the live
 * stream would stamp them.
 */
final class HostileCorpus {

  /** How far a plausible hostile timestamp may lie from the valid traffic around it. */
  static final Duration SPREAD = Duration.ofMinutes(5);

  /**
   * One bad record: where it goes, its bytes, the reason header expected on the DLQ, and the
   * producer's timestamp -- when a producer mixing into the traffic would have sent it: the
   * traffic's time where it goes, whatever time its payload claims.
   */
  record Bad(String kind, String topic, byte[] key, byte[] value, String expectedReason, Instant sentAt) {

    /** Without its producer timestamp yet: {@link #generate} adds it. */
    Bad(String kind, String topic, byte[] key, byte[] value, String expectedReason) {
      this(kind, topic, key, value, expectedReason, null);
    }

    Bad sentAt(Instant at) {
      return new Bad(kind, topic, key, value, expectedReason, at);
    }
  }

  /**
   * Where record {@code i} of its kind goes: the real athlete it is keyed to, another real athlete
   * (for a value that names someone else), and a plausible event time.
   */
  private record Slot(int i, String athlete, String other, Instant at) {}

  private final TopicNames topics;
  private final RecordEncoder encoder;
  private final SplittableRandom random;
  private final List<String> athletes;
  private final DoubleFunction<Instant> trafficTime;
  /** The wall clock, for the timestamps that must be implausible (far future, far past). */
  private final Instant now = Instant.now();

  /**
   * @param athletes ids of athletes with valid traffic (at least two)
   * @param trafficTime the valid traffic's event time at a fraction (0-1) of the way through it: the
   *     corpus's record {@code n} of {@code size} goes at {@link #placement placement(n, size)}
   */
  HostileCorpus(TopicNames topics, RecordEncoder encoder, long seed, List<String> athletes, DoubleFunction<Instant> trafficTime) {
    this.topics = topics;
    this.encoder = encoder;
    this.random = new SplittableRandom(seed);
    this.athletes = List.copyOf(athletes);
    this.trafficTime = trafficTime;
  }

  /** Where record {@code n} of a corpus of {@code size} goes: evenly spread, never first or last. */
  static double placement(int n, int size) {
    return (n + 1.0) / (size + 1);
  }

  /** {@code perKind} records of each of the kinds below, the kinds taking turns. */
  List<Bad> generate(int perKind) {
    List<Bad> corpus = new ArrayList<>();
    List<Function<Slot, Bad>> kinds = List.of(
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
      for (Function<Slot, Bad> kind : kinds) {
        int n = corpus.size();
        int target = random.nextInt(athletes.size());
        int other = (target + 1 + random.nextInt(athletes.size() - 1)) % athletes.size();
        long offset = random.nextLong(-SPREAD.toMillis(), SPREAD.toMillis() + 1);
        Instant traffic = trafficTime.apply(placement(n, perKind * kinds.size()));
        Slot slot = new Slot(i, athletes.get(target), athletes.get(other), traffic.plusMillis(offset));
        corpus.add(kind.apply(slot).sentAt(traffic));
      }
    }
    return corpus;
  }

  private Bad randomBytes(Slot s) {
    byte[] bytes = new byte[1 + random.nextInt(300)];
    random.nextBytes(bytes);
    bytes[0] = (byte) (1 + random.nextInt(255)); // never the magic byte, so never a valid frame
    return new Bad("random bytes", pick(s.i()), key(s.athlete()), bytes, "UNDECODABLE");
  }

  private Bad truncatedAvro(Slot s) {
    byte[] valid = encoder.encode(topics.activity(), sample(s).build());
    int keep = 5 + random.nextInt(Math.max(1, Math.min(12, valid.length - 6)));
    return new Bad("truncated Avro", topics.activity(), key(s.athlete()), Arrays.copyOf(valid, keep), "UNDECODABLE");
  }

  private Bad unknownSchemaId(Slot s) {
    byte[] valid = encoder.encode(topics.pain(), pain(s, 3).build());
    ByteBuffer.wrap(valid).putInt(1, 900_000 + s.i());
    return new Bad("unknown schema id", topics.pain(), key(s.athlete()), valid, "SCHEMA_NOT_FOUND");
  }

  private Bad wrongMagicByte(Slot s) {
    byte[] valid = encoder.encode(topics.activity(), sample(s).build());
    valid[0] = (byte) (1 + (s.i() % 200));
    return new Bad("wrong magic byte", topics.activity(), key(s.athlete()), valid, "UNDECODABLE");
  }

  private Bad emptyValue(Slot s) {
    return new Bad("empty value", pick(s.i()), key(s.athlete()), new byte[0], "UNDECODABLE");
  }

  private Bad tombstone(Slot s) {
    // Event topics only: on the profiles topic a tombstone is an erasure, not a bad record.
    return new Bad("tombstone", s.i() % 2 == 0 ? topics.activity() : topics.pain(), key(s.athlete()), null, "NULL_VALUE");
  }

  private Bad nullKey(Slot s) {
    return new Bad("null key", topics.activity(), null, encoder.encode(topics.activity(), sample(s).build()), "NULL_KEY");
  }

  private Bad keyDiffersFromAthlete(Slot s) {
    // Keyed to one real athlete (so it reaches that athlete's task), naming another in the value.
    return new Bad("key differs from athleteId", topics.pain(), key(s.athlete()),
        encoder.encode(topics.pain(), pain(s, 4).setAthleteId(s.other()).build()), "INVALID");
  }

  private Bad heartRateOutOfRange(Slot s) {
    int bpm = s.i() % 2 == 0 ? 251 + random.nextInt(5_000) : random.nextInt(20) - 5;
    return new Bad("heart rate " + bpm, topics.activity(), key(s.athlete()),
        encoder.encode(topics.activity(), sample(s).setHeartRateBpm(bpm).build()), "INVALID");
  }

  private Bad painLevelOutOfRange(Slot s) {
    int level = s.i() % 2 == 0 ? 11 + random.nextInt(100) : -1 - random.nextInt(100);
    return new Bad("pain level " + level, topics.pain(), key(s.athlete()),
        encoder.encode(topics.pain(), pain(s, level).build()), "INVALID");
  }

  private Bad notANumber(Slot s) {
    ActivityEvent.Builder b = sample(s);
    switch (s.i() % 4) {
      case 0 -> b.setSpeedMps(Float.NaN);
      case 1 -> b.setLoadKg(Float.POSITIVE_INFINITY);
      case 2 -> b.setTrunkFlexionDeg(Float.NaN);
      default -> b.setPowerWatts(-1 - random.nextInt(1000));
    }
    return new Bad("NaN or negative measurement", topics.activity(), key(s.athlete()),
        encoder.encode(topics.activity(), b.build()), "INVALID");
  }

  private Bad farFuture(Slot s) {
    Instant at = s.i() % 2 == 0 ? now.plus(Duration.ofDays(2 + random.nextInt(3650))) : Instant.parse("2999-12-31T23:59:59Z");
    return new Bad("timestamp far in the future", topics.activity(), key(s.athlete()),
        encoder.encode(topics.activity(), sample(s).setTimestamp(at).build()), "INVALID");
  }

  private Bad farPast(Slot s) {
    int i = s.i();
    Instant at = i % 3 == 0 ? Instant.parse("1999-01-01T00:00:00Z")
        : i % 3 == 1 ? Instant.ofEpochMilli(-1_000L * (1 + random.nextInt(1_000_000)))
        : now.minus(Duration.ofDays(31 + random.nextInt(3650)));
    String topic = i % 2 == 0 ? topics.activity() : topics.pain();
    var value = topic.equals(topics.activity())
        ? sample(s).setTimestamp(at).build()
        : pain(s, 5).setTimestamp(at).build();
    return new Bad("timestamp far in the past", topic, key(s.athlete()), encoder.encode(topic, value), "INVALID");
  }

  private Bad hugeStrings(Slot s) {
    int size = 20_000 + random.nextInt(200_000);
    return switch (s.i() % 3) {
      case 0 -> new Bad("huge pain note", topics.pain(), key(s.athlete()),
          encoder.encode(topics.pain(), pain(s, 4).setNote("n".repeat(size)).build()), "INVALID");
      // Keyed to the real athlete whose task it reaches; the huge id is the value's athleteId.
      case 1 -> new Bad("huge athlete id", topics.activity(), key(s.athlete()),
          encoder.encode(topics.activity(), sample(s).setAthleteId("a".repeat(size)).build()), "INVALID");
      default -> new Bad("huge coach id", topics.profile(), key(s.athlete()),
          encoder.encode(topics.profile(), AthleteProfile.newBuilder().setAthleteId(s.athlete()).setUpdatedAt(s.at())
              .setCoachId("c".repeat(size)).build()), "INVALID");
    };
  }

  private Bad wrongSchemaForTopic(Slot s) {
    // A pain report, properly framed and registered, on the activity topic.
    return new Bad("a pain report on the activity topic", topics.activity(), key(s.athlete()),
        encoder.encode(topics.pain(), pain(s, 3).build()), "UNDECODABLE");
  }

  private String pick(int i) {
    return switch (i % 3) {
      case 0 -> topics.activity();
      case 1 -> topics.pain();
      default -> topics.profile();
    };
  }

  private static ActivityEvent.Builder sample(Slot s) {
    return ActivityEvent.newBuilder()
        .setEventId(s.athlete() + "-bad-" + s.i())
        .setAthleteId(s.athlete())
        .setTimestamp(s.at())
        .setActivityType(ActivityType.RUNNING)
        .setHeartRateBpm(150);
  }

  private static PainReport.Builder pain(Slot s, int level) {
    return PainReport.newBuilder()
        .setReportId(s.athlete() + "-bad-report-" + s.i())
        .setAthleteId(s.athlete())
        .setTimestamp(s.at())
        .setLevel(level);
  }

  private static byte[] key(String athlete) {
    return athlete.getBytes(StandardCharsets.UTF_8);
  }
}
