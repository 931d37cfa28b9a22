package io.painguard.topology;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.rules.AthleteGuard;
import io.painguard.rules.AthleteSignal;
import io.painguard.rules.GuidanceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.LinkedHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The detection topology, top to bottom:
 *
 * <pre>
 * activity-events  --decode+validate--\
 * pain-reports     --decode+validate---+--&gt; merge --+--&gt; dead letters --bound--&gt; painguard-dlq
 * athlete-profiles --decode+validate--/             |                          ^
 * alert-acknowledgements --decode+validate--/       +--&gt; acknowledgements --&gt; acknowledgements
 *                                                   |      (store alert-acknowledgements; unknown alert -&gt; dead letter)
 *                                                   +--&gt; signals --&gt; athlete-guard --&gt; exertion-alerts
 *                                                                   (stores athlete-state, athlete-alerts,
 *                                                                    athlete-minutes)
 * </pre>
 *
 * All four inputs are keyed by athleteId and co-partitioned, so one stateful processor sees every
 * input of an athlete in order, with one store read and one write per record, and no repartition
 * topic. Values are decoded in the sources by a deserializer that never throws ({@link
 * IncomingDeserializer}), so a bad record becomes a dead letter instead of stopping the app, and
 * the {@link EventTimeExtractor} stamps each record with its payload's event time, so a task picks
 * records across the three inputs in event-time order. Avro values are read and written with the
 * Serde class {@link SerdeChoice} names ({@code painguard.serde.value-class} in the serde config,
 * PainGuard's own by default).
 */
public final class PainGuardTopology {

  /** Key-value store: athleteId -> {@link io.painguard.rules.AthleteState#encode()} bytes. */
  public static final String ATHLETE_STATE_STORE = "athlete-state";

  /** Key-value store: athleteId -> {@link RecentAlerts} bytes (the newest alerts). */
  public static final String ATHLETE_ALERTS_STORE = "athlete-alerts";

  /**
   * Key-value store: records waiting for the schema registry ({@link RegistryWaits}), keyed by
   * athleteId and arrival sequence.
   */
  public static final String REGISTRY_WAITS_STORE = "registry-waits";

  /** Key-value store: the task's sweep schedule ({@link SweepSchedule}), one key per task. */
  public static final String SWEEP_SCHEDULE_STORE = "sweep-schedule";

  /**
   * Window store (1-minute windows, retention {@code painguard.topology.summary-retention}):
   * athleteId and minute start -> {@link io.painguard.rules.MinuteSummary} row, written once per
   * athlete-minute when it becomes final ({@link io.painguard.rules.SessionMinutes}).
   */
  public static final String ATHLETE_MINUTES_STORE = "athlete-minutes";

  /**
   * Key-value store: athleteId -> {@link AlertAcknowledgements#encode()} bytes (the newest
   * acknowledgements of the athlete's alerts, oldest first).
   */
  public static final String ACKNOWLEDGEMENTS_STORE = "alert-acknowledgements";

  /** Name of the processor node that keeps acknowledgements. */
  public static final String ACKNOWLEDGEMENTS_PROCESSOR = "acknowledgements";

  /** Name of the stateful processor node. */
  public static final String GUARD_PROCESSOR = "athlete-guard";

  private PainGuardTopology() {}

  /**
   * The topology with its own (unobservable) dead-letter counter and the system clock.
   *
   * @param serdeConfig the Avro serde's settings ({@code schema.registry.url}, ...)
   */
  public static Topology build(
      TopologySettings settings, GuidanceSettings rules, Map<String, ?> serdeConfig) {
    return build(settings, rules, serdeConfig, new DeadLetterCounter(), Clock.systemUTC());
  }

  /**
   * The topology with the system clock. Pass the same counter to {@link
   * PainGuardStreamsConfig#defaults} so the processing-exception handler counts into it too.
   */
  public static Topology build(
      TopologySettings settings,
      GuidanceSettings rules,
      Map<String, ?> serdeConfig,
      DeadLetterCounter deadLetters) {
    return build(settings, rules, serdeConfig, deadLetters, Clock.systemUTC());
  }

  /**
   * The topology.
   *
   * @param serdeConfig the Avro serde's settings ({@code schema.registry.url}, ...)
   * @param deadLetters counts what goes to the dead-letter queue, for the runtime's metrics
   * @param clock wall clock for the "not too far in the future" check and the event-clock cap
   */
  public static Topology build(
      TopologySettings settings,
      GuidanceSettings rules,
      Map<String, ?> serdeConfig,
      DeadLetterCounter deadLetters,
      Clock clock) {
    return build(settings, rules, serdeConfig, deadLetters, clock, new UnavailableSchemas());
  }

  /** The topology, sharing {@code unavailable} with its source deserializers (tests pre-mark ids). */
  static Topology build(
      TopologySettings settings,
      GuidanceSettings rules,
      Map<String, ?> serdeConfig,
      DeadLetterCounter deadLetters,
      Clock clock,
      UnavailableSchemas unavailable) {
    StreamsBuilder builder = new StreamsBuilder();
    SerdeChoice serdes = SerdeChoice.from(serdeConfig);
    InputValidator validator = new InputValidator(clock, settings.maxFutureSkew(), settings.maxPastAge());

    Map<String, InputDecoder<?>> decoders = new LinkedHashMap<>();
    decoders.put(settings.activityEventsTopic(),
        new InputDecoder<>(ActivityEvent.class, deserializer(serdes, ActivityEvent.class, serdeConfig),
            validator::problem, AthleteSignal.Activity::new));
    decoders.put(settings.painReportsTopic(),
        new InputDecoder<>(PainReport.class, deserializer(serdes, PainReport.class, serdeConfig),
            validator::problem, AthleteSignal.Pain::new));
    decoders.put(settings.athleteProfilesTopic(),
        new InputDecoder<>(AthleteProfile.class, deserializer(serdes, AthleteProfile.class, serdeConfig),
            validator::problem, AthleteSignal.Profile::new));
    decoders.put(settings.acknowledgementsTopic(),
        new InputDecoder<>(AlertAcknowledgement.class,
            deserializer(serdes, AlertAcknowledgement.class, serdeConfig),
            validator::problem, AthleteSignal.Acknowledged::new));
    EventTimeExtractor eventTime = new EventTimeExtractor(validator, clock);
    RegistryWaits waits = new RegistryWaits(settings.registryRetryLimit(), settings.registryMaxParked());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REGISTRY_WAITS_STORE), Serdes.String(), Serdes.ByteArray())
            .withCachingDisabled());

    String profilesTopic = settings.athleteProfilesTopic();
    KStream<byte[], Decoded> activity =
        decoded(builder, "activity", settings.activityEventsTopic(), profilesTopic, decoders, waits, unavailable,
            eventTime, deadLetters);
    KStream<byte[], Decoded> pain =
        decoded(builder, "pain", settings.painReportsTopic(), profilesTopic, decoders, waits, unavailable,
            eventTime, deadLetters);
    KStream<byte[], Decoded> profiles =
        decoded(builder, "profile", profilesTopic, profilesTopic, decoders, waits, unavailable, eventTime,
            deadLetters);
    KStream<byte[], Decoded> acknowledgements =
        decoded(builder, "acknowledgement", settings.acknowledgementsTopic(), profilesTopic, decoders, waits,
            unavailable, eventTime, deadLetters);

    Map<String, KStream<byte[], Decoded>> outcome =
        activity
            .merge(pain, Named.as("merge-pain"))
            .merge(profiles, Named.as("merge-profiles"))
            .merge(acknowledgements, Named.as("merge-acknowledgements"))
            .split(Named.as("decoded-"))
            .branch((key, decoded) -> decoded.isDeadLetter(), Branched.as("dead-letters"))
            .branch((key, decoded) -> decoded.isAcknowledgement(), Branched.as("acknowledgements"))
            .defaultBranch(Branched.as("signals"));

    builder.addStateStore(store(ATHLETE_ALERTS_STORE));
    builder.addStateStore(store(ACKNOWLEDGEMENTS_STORE));
    KStream<byte[], Decoded> unknownAlerts =
        outcome
            .get("decoded-acknowledgements")
            .process(
                AcknowledgementProcessor::new,
                Named.as(ACKNOWLEDGEMENTS_PROCESSOR),
                ACKNOWLEDGEMENTS_STORE,
                ATHLETE_ALERTS_STORE);

    outcome
        .get("decoded-dead-letters")
        .merge(unknownAlerts, Named.as("merge-unknown-alerts"))
        .process(
            () -> new DeadLetterWriter(deadLetters.fallbacks(), settings.deadLetterMaxBytes()),
            Named.as("dead-letter-writer"))
        .to(
            settings.deadLetterTopic(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letter-sink"));

    AthleteGuard guard = new AthleteGuard(rules);
    builder.addStateStore(store(ATHLETE_STATE_STORE));
    builder.addStateStore(store(SWEEP_SCHEDULE_STORE));
    builder.addStateStore(minutesStore(settings));
    outcome
        .get("decoded-signals")
        .mapValues(Decoded::signal, Named.as("signal"))
        .process(
            () -> new AthleteGuardProcessor(guard, settings, clock),
            Named.as(GUARD_PROCESSOR),
            ATHLETE_STATE_STORE,
            ATHLETE_ALERTS_STORE,
            SWEEP_SCHEDULE_STORE,
            ATHLETE_MINUTES_STORE,
            ACKNOWLEDGEMENTS_STORE)
        .to(
            settings.exertionAlertsTopic(),
            Produced.with(Serdes.String(), serdes.serdeFor(ExertionAlert.class, serdeConfig)).withName("alert-sink"));

    return builder.build();
  }

  private static KStream<byte[], Decoded> decoded(
      StreamsBuilder builder,
      String name,
      String topic,
      String profilesTopic,
      Map<String, InputDecoder<?>> decoders,
      RegistryWaits waits,
      UnavailableSchemas unavailable,
      EventTimeExtractor eventTime,
      DeadLetterCounter deadLetters) {
    IncomingDeserializer values = new IncomingDeserializer(decoders.get(topic), unavailable);
    return builder
        .stream(
            topic,
            Consumed.with(Serdes.ByteArray(), Serdes.serdeFrom(new IncomingSerializer(), values))
                .withTimestampExtractor(eventTime)
                .withName(name + "-source"))
        .process(
            () -> new SignalDecoder(topic, profilesTopic, decoders, waits, unavailable, deadLetters),
            Named.as("decode-" + name),
            REGISTRY_WAITS_STORE);
  }

  private static <T extends SpecificRecord> Deserializer<T> deserializer(
      SerdeChoice serdes, Class<T> type, Map<String, ?> serdeConfig) {
    return serdes.serdeFor(type, serdeConfig).deserializer();
  }

  /**
   * One row per athlete-minute, written once: a cache would only delay it, so none. Duplicates are
   * not kept (a minute is written once, and again only as the same row when a task replays).
   */
  private static StoreBuilder<WindowStore<String, byte[]>> minutesStore(TopologySettings settings) {
    return Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                ATHLETE_MINUTES_STORE, settings.summaryRetention(), Duration.ofMinutes(1), false),
            Serdes.String(),
            Serdes.ByteArray())
        .withCachingDisabled();
  }

  private static StoreBuilder<KeyValueStore<String, byte[]>> store(String name) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
        .withCachingEnabled();
  }
}
