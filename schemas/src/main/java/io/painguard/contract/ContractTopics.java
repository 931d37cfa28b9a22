package io.painguard.contract;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The default topic names of the public contract (shared/CONTRACT.md) and the Avro schema each
 * topic's values carry. Every name is a default: the app, the simulator and the stack let users
 * configure another one.
 */
public final class ContractTopics {

  public static final String ACTIVITY_EVENTS = "activity-events";
  public static final String PAIN_REPORTS = "pain-reports";
  public static final String ATHLETE_PROFILES = "athlete-profiles";
  public static final String EXERTION_ALERTS = "exertion-alerts";
  public static final String DEAD_LETTERS = "painguard-dlq";
  /**
   * Coaches' acknowledgements of alerts, keyed by athleteId: read by the app as a fourth input
   * (co-partitioned with the others) and kept as the audit trail, hence its long retention.
   */
  public static final String ALERT_ACKNOWLEDGEMENTS = "alert-acknowledgements";

  /**
   * How long {@link #ALERT_ACKNOWLEDGEMENTS} keeps records: a year, so the audit trail outlives any
   * review of a season, while a note (health data) does not stay on the broker for ever.
   */
  public static final long ACKNOWLEDGEMENT_RETENTION_MS = 365L * 24 * 60 * 60 * 1000;

  private ContractTopics() {}

  /** Topic -> value schema, for the five Avro topics (the DLQ carries the original bytes). */
  public static Map<String, Schema> valueSchemas() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    schemas.put(ACTIVITY_EVENTS, ActivityEvent.getClassSchema());
    schemas.put(PAIN_REPORTS, PainReport.getClassSchema());
    schemas.put(ATHLETE_PROFILES, AthleteProfile.getClassSchema());
    schemas.put(EXERTION_ALERTS, ExertionAlert.getClassSchema());
    schemas.put(ALERT_ACKNOWLEDGEMENTS, AlertAcknowledgement.getClassSchema());
    return schemas;
  }

  /** The Confluent TopicNameStrategy subject for a topic's values. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  /** True for the topic that must be compacted (latest profile per athlete wins). */
  public static boolean isCompacted(String topic) {
    return ATHLETE_PROFILES.equals(topic);
  }

  /**
   * The topic configs a topic is created with beyond the broker's defaults: compaction for the
   * profiles, the audit trail's retention for the acknowledgements, nothing for the others.
   */
  public static Map<String, String> creationConfigs(String topic) {
    if (isCompacted(topic)) {
      return Map.of("cleanup.policy", "compact");
    } else if (ALERT_ACKNOWLEDGEMENTS.equals(topic)) {
      return Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(ACKNOWLEDGEMENT_RETENTION_MS));
    }
    return Map.of();
  }
}
