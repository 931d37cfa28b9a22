package io.painguard.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * decodes, it and the athlete's records behind it are released in order. A record that has waited
 * longer than {@code painguard.topology.registry-retry-limit} is dead-lettered with reason
 * REGISTRY_UNAVAILABLE.
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

  RegistryWaits(Duration limit) {
    this.limitMillis = limit.toMillis();
  }

  long limitMillis() {
    return limitMillis;
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

  /** One task's parked records: which athletes wait, and when to try again. */
  static final class Lot {
    private final KeyValueStore<String, byte[]> store;
    private final Set<String> waiting = new HashSet<>();
    private long nextSequence;
    private long nextAttemptAt;
    private long pauseMillis = FIRST_PAUSE.toMillis();
    private int users;

    private Lot(KeyValueStore<String, byte[]> store) {
      this.store = store;
      try (KeyValueIterator<String, byte[]> all = store.all()) {
        while (all.hasNext()) {
          String key = all.next().key;
          int cut = key.indexOf(SEPARATOR);
          waiting.add(key.substring(0, cut));
          nextSequence = Math.max(nextSequence, Long.parseLong(key.substring(cut + 1)) + 1);
        }
      }
    }

    boolean isEmpty() {
      return waiting.isEmpty();
    }

    boolean isWaiting(String athlete) {
      return !waiting.isEmpty() && waiting.contains(athlete);
    }

    int athletesWaiting() {
      return waiting.size();
    }

    void park(String athlete, ParkedRecord record, long now) {
      if (waiting.isEmpty()) {
        nextAttemptAt = now + pauseMillis;
      }
      waiting.add(athlete);
      store.put(athlete + SEPARATOR + String.format("%019d", nextSequence++), record.encode());
    }

    /** Athletes with parked records, when a retry is due; empty otherwise. */
    List<String> due(long now) {
      return waiting.isEmpty() || now < nextAttemptAt ? List.of() : new ArrayList<>(waiting);
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

    /** The record was processed (or dead-lettered). */
    void release(String storeKey) {
      store.delete(storeKey);
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
