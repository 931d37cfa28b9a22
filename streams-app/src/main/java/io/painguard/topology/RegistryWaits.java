package io.painguard.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Records waiting for the schema registry, so that an outage neither stops the app nor sends good
 * data to the dead-letter queue, and records whose schemas are cached keep flowing.
 *
 * <p>When the registry cannot serve a record's schema (the source's {@link IncomingDeserializer}
 * marks the record waiting; it cannot use stores itself), the record is kept (parked) in the {@link
 * PainGuardTopology#REGISTRY_WAITS_STORE}, a changelogged store, so it survives restarts and
 * failover, and is committed with the offsets under exactly-once. From then on every later record
 * of the same athlete is parked behind it, whatever its topic, so each athlete's records are still
 * processed in order. Every other athlete's records flow as usual. A punctuator retries the parked
 * records with a pause that doubles from 1 s to 30 s while the registry stays away; once a record
 * decodes, it and the athlete's records behind it are released in order.
 *
 * <p>Two caps keep one athlete from being held back without bound. Time: once the athlete's records
 * have waited {@code painguard.topology.registry-retry-limit} -- counted from when its first record
 * began to wait, so a chain of records that each wait their turn cannot extend it -- every record
 * the registry still cannot serve is dead-lettered (REGISTRY_UNAVAILABLE) and the rest are
 * released. Count: an athlete may have {@code painguard.topology.registry-max-parked} records
 * waiting; the next one is dead-lettered at once (REGISTRY_WAIT_FULL). Neither touches any other
 * athlete.
 *
 * <p>One {@link Lot} per task, shared by that task's three decoders (one per input topic), which
 * all run on the task's thread; this object is shared by every task of the topology.
 */
final class RegistryWaits {

  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration MAX_PAUSE = Duration.ofSeconds(30);
  private static final char SEPARATOR = '\u0000';

  private final ConcurrentMap<TaskId, Lot> lots = new ConcurrentHashMap<>();
  private final long limitMillis;
  private final int maxParked;

  RegistryWaits(Duration limit, int maxParked) {
    this.limitMillis = limit.toMillis();
    this.maxParked = maxParked;
  }

  long limitMillis() {
    return limitMillis;
  }

  /** How many records one athlete may have waiting at once. */
  int maxParked() {
    return maxParked;
  }

  /** The task's lot (built from the store when the task starts, or restarts); count it as used. */
  Lot open(TaskId task, KeyValueStore<String, byte[]> store) {
    Lot lot = lots.compute(task, (id, existing) -> existing == null || existing.store != store ? new Lot(store) : existing);
    lot.users++;
    return lot;
  }

  /** A decoder of the task closed; the last one forgets the lot (the store keeps the records). */
  void close(TaskId task, Lot lot) {
    if (--lot.users <= 0) {
      lots.remove(task, lot);
    }
  }

  /** True when an athlete id can be a key prefix of the store (no separator inside). */
  static boolean parkable(String athlete) {
    return athlete.indexOf(SEPARATOR) < 0;
  }

  /** One athlete's waiting: since when (its first waiting record's park time) and how many. */
  private static final class Waiting {
    private long since;
    private int count;

    private Waiting(long since) {
      this.since = since;
    }
  }

  /** One task's parked records: which athletes wait, since when, and when to try again. */
  static final class Lot {
    private final KeyValueStore<String, byte[]> store;
    private final Map<String, Waiting> waiting = new HashMap<>();
    private long nextSequence;
    private long nextAttemptAt;
    private long pauseMillis = FIRST_PAUSE.toMillis();
    private int users;

    private Lot(KeyValueStore<String, byte[]> store) {
      this.store = store;
      // After a restart an athlete's wait counts from its oldest record still parked: the one
      // released before it is gone, so the clock can only restart later, never earlier.
      try (KeyValueIterator<String, byte[]> all = store.all()) {
        while (all.hasNext()) {
          KeyValue<String, byte[]> entry = all.next();
          int cut = entry.key.indexOf(SEPARATOR);
          long parkedAt = ParkedRecord.decode(entry.value).parkedAt();
          Waiting w = waiting.computeIfAbsent(entry.key.substring(0, cut), a -> new Waiting(parkedAt));
          w.since = Math.min(w.since, parkedAt);
          w.count++;
          nextSequence = Math.max(nextSequence, Long.parseLong(entry.key.substring(cut + 1)) + 1);
        }
      }
    }

    boolean isEmpty() {
      return waiting.isEmpty();
    }

    boolean isWaiting(String athlete) {
      return !waiting.isEmpty() && waiting.containsKey(athlete);
    }

    /** How many of the athlete's records wait now. */
    int parkedCount(String athlete) {
      Waiting w = waiting.get(athlete);
      return w == null ? 0 : w.count;
    }

    /** When the athlete's first waiting record was parked (its wait's start); only while waiting. */
    long waitingSince(String athlete) {
      return waiting.get(athlete).since;
    }

    int athletesWaiting() {
      return waiting.size();
    }

    void park(String athlete, ParkedRecord record, long now) {
      if (waiting.isEmpty()) {
        nextAttemptAt = now + pauseMillis;
      }
      waiting.computeIfAbsent(athlete, a -> new Waiting(record.parkedAt())).count++;
      store.put(athlete + SEPARATOR + String.format("%019d", nextSequence++), record.encode());
    }

    /** Athletes with parked records, when a retry is due; empty otherwise. */
    List<String> due(long now) {
      return waiting.isEmpty() || now < nextAttemptAt ? List.of() : new ArrayList<>(waiting.keySet());
    }

    /** The athlete's parked records in arrival order, as (store key, record). */
    List<KeyValue<String, ParkedRecord>> parked(String athlete) {
      List<KeyValue<String, ParkedRecord>> out = new ArrayList<>();
      try (KeyValueIterator<String, byte[]> range = store.range(athlete + SEPARATOR, athlete + '\u0001')) {
        while (range.hasNext()) {
          KeyValue<String, byte[]> entry = range.next();
          out.add(KeyValue.pair(entry.key, ParkedRecord.decode(entry.value)));
        }
      }
      return out;
    }

    /** The record under this store key was processed (or dead-lettered). */
    void release(String storeKey) {
      store.delete(storeKey);
      Waiting w = waiting.get(storeKey.substring(0, storeKey.indexOf(SEPARATOR)));
      if (w != null) {
        w.count--;
      }
    }

    /** Nothing is parked for the athlete any more. */
    void done(String athlete) {
      waiting.remove(athlete);
    }

    /** After a round of retries: back off while the registry stays away, start over when it is back. */
    void attempted(long now, boolean registryAnswered) {
      pauseMillis = registryAnswered ? FIRST_PAUSE.toMillis() : Math.min(MAX_PAUSE.toMillis(), pauseMillis * 2);
      nextAttemptAt = now + pauseMillis;
    }
  }

}
