package io.painguard.systemtest.hostile;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.RecordEncoder;
import io.painguard.simulator.load.GeneratedRecord;
import io.painguard.simulator.load.LoadGenerator;
import io.painguard.simulator.load.LoadSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * The valid half of the hostile-input test's input: the simulator's deterministic load for a number
 * of seconds of event time (profiles first), plus one radiculopathy report of a load athlete half
 * way through. Every record is encoded once, so the hostile run and the clean reference run can be
 * given identical bytes in the same order.
 *
 * <p>No two records of one athlete on different topics share a millisecond. The load generator
 * stamps a pain report with the time of the sample it sends right after it, and every profile with
 * the time of the first athlete's first sample; Kafka Streams leaves the order of equal timestamps
 * on a task's different partitions to the state of its queue heap, which other records -- the
 * malformed ones included -- change, and the alert can depend on that order (the report's window
 * with or without that sample). So a report is stamped 1 ms before its sample (the order the
 * generator emits them in) and the profiles 1 s before the first round: the comparison is then
 * about what malformed records do, not about how Kafka Streams breaks ties.
 */
final class ValidTraffic {

  /** One encoded valid record and its event time (a profile's: its updatedAt). */
  record Valid(InputTopic topic, byte[] key, byte[] value, Instant at) {}

  private final List<Valid> records;
  private final List<String> athletes;
  private final String watchedAthlete;
  private final int painReports;

  private ValidTraffic(List<Valid> records, List<String> athletes, String watchedAthlete, int painReports) {
    this.records = List.copyOf(records);
    this.athletes = List.copyOf(athletes);
    this.watchedAthlete = watchedAthlete;
    this.painReports = painReports;
  }

  /**
   * @param subjects the topics whose {@code -value} subjects the schemas are registered under (the
   *     bytes carry only the schema id, so they decode the same on any topic)
   */
  static ValidTraffic generate(LoadSettings settings, int seconds, RecordEncoder encoder, TopicNames subjects) {
    LoadGenerator load = new LoadGenerator(settings);
    List<Valid> records = new ArrayList<>();
    load.forEachProfile(r -> records.add(encode(untied(r), encoder, subjects)));
    String watched = load.athleteId(0);
    boolean watchedSent = false;
    int painReports = 0;
    while (load.round() < seconds) {
      if (!watchedSent && load.round() == seconds / 2) {
        // A referral that must come through whatever surrounds it (safety invariant 1).
        PainReport radiculopathy = PainReport.newBuilder()
            .setReportId("hostile-watched-report").setAthleteId(watched)
            .setTimestamp(settings.start().plusSeconds(load.round()).plusMillis(500)).setLevel(5)
            .setSensations(List.of(PainSensation.PINS_AND_NEEDLES)).build();
        records.add(encode(new GeneratedRecord(InputTopic.PAIN, watched, radiculopathy), encoder, subjects));
        watchedSent = true;
        painReports++;
      }
      GeneratedRecord r = load.next();
      if (r.topic() == InputTopic.PAIN) {
        painReports++;
      }
      records.add(encode(untied(r), encoder, subjects));
    }
    List<String> athletes = IntStream.range(0, load.athleteCount()).mapToObj(load::athleteId).toList();
    return new ValidTraffic(records, athletes, watched, painReports);
  }

  /** The record moved off the millisecond it shares with a record on another topic (see above). */
  private static GeneratedRecord untied(GeneratedRecord r) {
    if (r.value() instanceof PainReport p) {
      return new GeneratedRecord(r.topic(), r.key(),
          PainReport.newBuilder(p).setTimestamp(p.getTimestamp().minusMillis(1)).build());
    } else if (r.value() instanceof AthleteProfile p) {
      return new GeneratedRecord(r.topic(), r.key(),
          AthleteProfile.newBuilder(p).setUpdatedAt(p.getUpdatedAt().minusSeconds(1)).build());
    }
    return r;
  }

  private static Valid encode(GeneratedRecord r, RecordEncoder encoder, TopicNames subjects) {
    return new Valid(r.topic(), r.key().getBytes(StandardCharsets.UTF_8),
        encoder.encode(subjects.nameOf(r.topic()), r.value()), eventTime(r.value()));
  }

  private static Instant eventTime(SpecificRecord value) {
    if (value instanceof ActivityEvent e) {
      return e.getTimestamp();
    } else if (value instanceof PainReport p) {
      return p.getTimestamp();
    }
    return ((AthleteProfile) value).getUpdatedAt();
  }

  List<Valid> records() {
    return records;
  }

  /** The load's athlete ids, in the generator's order. */
  List<String> athletes() {
    return athletes;
  }

  /** The athlete whose radiculopathy report must raise a referral. */
  String watchedAthlete() {
    return watchedAthlete;
  }

  int painReports() {
    return painReports;
  }
}
