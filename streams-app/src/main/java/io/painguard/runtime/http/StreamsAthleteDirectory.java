package io.painguard.runtime.http;

import io.painguard.events.ExertionAlert;
import io.painguard.rules.AthleteState;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.GuidanceSettings;
import io.painguard.topology.AlertAcknowledgements;
import io.painguard.topology.PainGuardTopology;
import io.painguard.rules.MinuteSummary;
import io.painguard.rules.SessionMinutes;
import io.painguard.topology.RecentAlerts;
import io.painguard.topology.TopologySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers from the topology's state stores with interactive queries v2: finds the instance that
 * owns an athlete's partition, and reads the active store when that is this instance.
 */
public final class StreamsAthleteDirectory implements AthleteDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsAthleteDirectory.class);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final GuidanceSettings guidance;
  private final TopologySettings topology;
  private final SessionMinutes sessionMinutes;
  private final Clock clock;

  public StreamsAthleteDirectory(
      KafkaStreams streams, HostInfo self, GuidanceSettings guidance, TopologySettings topology, Clock clock) {
    this.streams = streams;
    this.self = self;
    this.guidance = guidance;
    this.topology = topology;
    this.sessionMinutes = new SessionMinutes(guidance, topology.maxLateness());
    this.clock = clock;
  }

  /**
   * Where the athlete's stores are: {@code partition} when this instance owns them, else {@code
   * answer} (Elsewhere or Unavailable).
   */
  private record Route(Lookup answer, int partition) {}

  private Route route(String athleteId) {
    KeyQueryMetadata owner;
    try {
      owner =
          streams.queryMetadataForKey(
              PainGuardTopology.ATHLETE_STATE_STORE, athleteId, Serdes.String().serializer());
    } catch (RuntimeException e) {
      return new Route(new Unavailable("Kafka Streams is " + streams.state() + "."), -1);
    }
    if (owner == null
        || owner == KeyQueryMetadata.NOT_AVAILABLE
        || owner.activeHost() == null
        || HostInfo.unavailable().equals(owner.activeHost())) {
      return new Route(new Unavailable("No instance owns this athlete right now (rebalancing)."), -1);
    }
    if (!self.equals(owner.activeHost())) {
      return new Route(new Elsewhere(owner.activeHost().host() + ":" + owner.activeHost().port()), -1);
    }
    return new Route(null, owner.partition());
  }

  @Override
  public Lookup find(String athleteId) {
    Route route = route(athleteId);
    if (route.answer() != null) {
      return route.answer();
    }
    try {
      byte[] state = get(PainGuardTopology.ATHLETE_STATE_STORE, athleteId, route.partition());
      if (state == null) {
        return new Unknown();
      }
      byte[] alerts = get(PainGuardTopology.ATHLETE_ALERTS_STORE, athleteId, route.partition());
      AthleteStatus status = AthleteStatus.of(athleteId, AthleteState.decode(state, guidance), guidance);
      return new Found(status, RecentAlerts.decode(alerts), acknowledgements(athleteId, route.partition()));
    } catch (StoreUnavailable e) {
      return new Unavailable(e.getMessage());
    } catch (IllegalArgumentException e) {
      LOG.warn("Stored state of athlete {} is unreadable: {}", athleteId, e.getMessage());
      return new Unavailable("The stored state of this athlete cannot be read.");
    }
  }

  @Override
  public Lookup session(String athleteId, Duration span) {
    Route route = route(athleteId);
    if (route.answer() != null) {
      return route.answer();
    }
    try {
      byte[] stored = get(PainGuardTopology.ATHLETE_STATE_STORE, athleteId, route.partition());
      if (stored == null) {
        return new Unknown();
      }
      AthleteState state = AthleteState.decode(stored, guidance);
      long to = Math.max(clock.millis(), state.clock());
      long from = to - span.toMillis();
      List<MinuteSummary> finished = minutes(athleteId, route.partition(), from, to);
      byte[] alerts = get(PainGuardTopology.ATHLETE_ALERTS_STORE, athleteId, route.partition());
      SessionView view =
          SessionView.of(
              athleteId,
              from,
              to,
              finished,
              sessionMinutes.unfinished(state),
              SessionMinutes.reportsBetween(state, from, to),
              RecentAlerts.decode(alerts));
      return new Session(AthleteStatus.of(athleteId, state, guidance), view);
    } catch (StoreUnavailable e) {
      return new Unavailable(e.getMessage());
    } catch (IllegalArgumentException e) {
      LOG.warn("Stored state or minutes of athlete {} are unreadable: {}", athleteId, e.getMessage());
      return new Unavailable("The stored state of this athlete cannot be read.");
    }
  }

  @Override
  public Duration sessionRetention() {
    return topology.summaryRetention();
  }

  /** The final minutes the owner's minutes store holds for the athlete, starting in [from, to]. */
  private List<MinuteSummary> minutes(String athleteId, int partition, long from, long to) {
    StateQueryRequest<WindowStoreIterator<byte[]>> request =
        StateQueryRequest.inStore(PainGuardTopology.ATHLETE_MINUTES_STORE)
            .withQuery(
                WindowKeyQuery.<String, byte[]>withKeyAndWindowStartRange(
                    athleteId, Instant.ofEpochMilli(SessionMinutes.minuteOf(from)), Instant.ofEpochMilli(to)))
            .withPartitions(Set.of(partition))
            .requireActive();
    QueryResult<WindowStoreIterator<byte[]>> answer = answer(request, partition);
    List<MinuteSummary> rows = new ArrayList<>();
    try (WindowStoreIterator<byte[]> it = answer.getResult()) {
      it.forEachRemaining(row -> rows.add(MinuteSummary.decode(row.key, row.value)));
    }
    return rows;
  }

  /** Unreadable acknowledgements (a format from a newer build) hide nothing else about the athlete. */
  private AlertAcknowledgements acknowledgements(String athleteId, int partition) {
    try {
      return AlertAcknowledgements.decode(get(PainGuardTopology.ACKNOWLEDGEMENTS_STORE, athleteId, partition));
    } catch (IllegalArgumentException e) {
      LOG.warn("Acknowledgements of athlete {} are unreadable: {}", athleteId, e.getMessage());
      return AlertAcknowledgements.NONE;
    }
  }

  private byte[] get(String store, String athleteId, int partition) {
    StateQueryRequest<byte[]> request =
        StateQueryRequest.inStore(store)
            .withQuery(KeyQuery.<String, byte[]>withKey(athleteId))
            .withPartitions(Set.of(partition))
            .requireActive();
    return answer(request, partition).getResult();
  }

  /** One partition's answer, or StoreUnavailable saying why there is none. */
  private <R> QueryResult<R> answer(StateQueryRequest<R> request, int partition) {
    StateQueryResult<R> result;
    try {
      result = streams.query(request);
    } catch (RuntimeException e) {
      throw new StoreUnavailable("Kafka Streams is " + streams.state() + ".");
    }
    QueryResult<R> answer = result.getPartitionResults().get(partition);
    if (answer == null || answer.isFailure()) {
      throw new StoreUnavailable(
          "The store of this athlete is not queryable right now"
              + (answer == null ? "" : " (" + answer.getFailureReason() + ")")
              + ".");
    }
    return answer;
  }

  @Override
  public Listing localAthletes(Caller caller, boolean all, int limit) {
    StateQueryRequest<KeyValueIterator<String, byte[]>> request =
        StateQueryRequest.inStore(PainGuardTopology.ATHLETE_STATE_STORE)
            .withQuery(RangeQuery.<String, byte[]>withNoBounds())
            .requireActive();
    StateQueryResult<KeyValueIterator<String, byte[]>> result;
    try {
      result = streams.query(request);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Kafka Streams is " + streams.state() + ".");
    }
    List<Held> found = new ArrayList<>();
    result.getPartitionResults().forEach((partition, answer) -> {
      if (answer.isFailure()) {
        // A partition moving away mid-query: skip it, its new owner lists it.
        return;
      }
      try (KeyValueIterator<String, byte[]> entries = answer.getResult()) {
        while (entries.hasNext()) {
          KeyValue<String, byte[]> entry = entries.next();
          AthleteStatus status = statusOrNull(entry.key, entry.value);
          if (status != null
              && caller.maySee(status.coachId())
              && (all || status.painActive() || status.openSeverity() != null)) {
            found.add(new Held(status, partition, Need.of(status).rank()));
          }
        }
      }
    });
    found.sort(NEED_ORDER);
    List<Found> listed = new ArrayList<>(Math.min(limit, found.size()));
    for (Held h : found.subList(0, Math.min(limit, found.size()))) {
      // Alerts and acknowledgements only where an alert is open: they name it and decide its need.
      listed.add(
          h.status().openSeverity() == null
              ? new Found(h.status(), List.of())
              : new Found(h.status(), alertsOrNone(h), acknowledgements(h.status().athleteId(), h.partition())));
    }
    return new Listing(listed, found.size() > limit);
  }

  /** An athlete found in a partition of this instance, with their need's rank. */
  private record Held(AthleteStatus status, int partition, int rank) {}


  /** The recent alerts, for the open alert's id; none when the store cannot say right now. */
  private List<ExertionAlert> alertsOrNone(Held h) {
    try {
      return RecentAlerts.decode(get(PainGuardTopology.ATHLETE_ALERTS_STORE, h.status().athleteId(), h.partition()));
    } catch (StoreUnavailable | IllegalArgumentException e) {
      return List.of();
    }
  }

  /** {@link Need#ORDER} before acknowledgements are known. */
  private static final Comparator<Held> NEED_ORDER =
      Comparator.comparingInt(Held::rank)
          .reversed()
          .thenComparing(Comparator.<Held>comparingInt(h -> h.status().painLevel()).reversed())
          .thenComparing(h -> h.status().athleteId());

  private AthleteStatus statusOrNull(String athleteId, byte[] stored) {
    try {
      return AthleteStatus.of(athleteId, AthleteState.decode(stored, guidance), guidance);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public List<String> otherInstances() {
    List<String> others = new ArrayList<>();
    try {
      for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        HostInfo host = instance.hostInfo();
        if (!self.equals(host) && !HostInfo.unavailable().equals(host)) {
          others.add(host.host() + ":" + host.port());
        }
      }
    } catch (RuntimeException e) {
      // Not running: nobody else to ask.
    }
    return others;
  }

  private static final class StoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
