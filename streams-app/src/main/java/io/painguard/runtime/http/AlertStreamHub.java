package io.painguard.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans alerts out to the open Server-Sent-Events streams, each seeing only the alerts its caller
 * may see (an admin all, a coach those naming them). A new stream starts with the most recent
 * alerts this instance has relayed, so a reloaded dashboard is not blank; clients de-duplicate by
 * the event id (the alertId). Idle streams get a comment every heartbeat so proxies keep them open
 * and closed ones are noticed.
 *
 * <p>Publishing never waits on a socket: each stream has its own bounded queue, written by its own
 * task ({@link SseSubscriber}). A stream whose queue overflows -- a dashboard that stopped reading
 * -- is disconnected and counted; the browser's EventSource reconnects and gets the replay. At most
 * {@code maxClients} streams are open at once; {@link #admits()} lets the server refuse more.
 */
public final class AlertStreamHub implements AutoCloseable {

  static final String EVENT_NAME = "alert";

  /** Frames a stream may fall behind beyond the replay before it counts as too slow. */
  static final int QUEUE_HEADROOM = 256;

  private static final Logger LOG = LoggerFactory.getLogger(AlertStreamHub.class);

  private final ObjectMapper json;
  private final int replay;
  private final int maxClients;
  private final int queueCapacity;
  private final Deque<AlertView> recent = new ArrayDeque<>();
  private final List<SseSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService heartbeat;
  // Threads only while a stream has something to write: at most one per open stream.
  private final ExecutorService writers = Executors.newCachedThreadPool(daemon("painguard-sse-writer-"));
  private final AtomicLong slowDisconnected = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  public AlertStreamHub(ObjectMapper json, int replay, Duration heartbeatEvery, int maxClients) {
    this(json, replay, heartbeatEvery, maxClients, replay + QUEUE_HEADROOM);
  }

  /** As above with the per-stream queue size given (tests use a small one). */
  AlertStreamHub(ObjectMapper json, int replay, Duration heartbeatEvery, int maxClients, int queueCapacity) {
    this.json = json;
    this.replay = replay;
    this.maxClients = maxClients;
    // The replay and the "connected" comment must fit, or a new stream would overflow at once.
    this.queueCapacity = Math.max(queueCapacity, replay + 1);
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("painguard-sse-heartbeat"));
    long ms = heartbeatEvery.toMillis();
    heartbeat.scheduleAtFixedRate(this::beat, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * True when another stream may open; false, counting the refusal, when {@code maxClients} are
   * open (the server then answers 503 instead of subscribing).
   */
  public boolean admits() {
    boolean room = subscribers.size() < maxClients;
    if (!room) {
      refused.incrementAndGet();
    }
    return room;
  }

  public int maxClients() {
    return maxClients;
  }

  /** Keeps {@code client} open and sends it the alerts its caller may see, recent ones first. */
  public void subscribe(SseClient client, Caller caller) {
    SseSubscriber subscriber = new SseSubscriber(client, caller, queueCapacity, writers);
    synchronized (recent) {
      if (subscribers.size() >= maxClients) {
        // Two requests raced past admits(); the later one ends at once and its browser retries.
        refused.incrementAndGet();
        client.close();
        return;
      }
      client.keepAlive();
      client.onClose(() -> subscribers.remove(subscriber));
      // Sent first so the browser's EventSource reports the stream open before any alert.
      subscriber.offer(new SseSubscriber.Comment("connected"));
      for (AlertView alert : recent) {
        String body = serialise(alert);
        if (body != null && caller.maySee(alert.coachId())) {
          subscriber.offer(new SseSubscriber.Event(alert.alertId(), body));
        }
      }
      subscribers.add(subscriber);
    }
  }

  /** Relays one alert to every stream allowed to see it; returns without waiting for any. */
  public void publish(AlertView alert) {
    String body = serialise(alert);
    synchronized (recent) {
      if (replay > 0) {
        if (recent.size() == replay) {
          recent.removeFirst();
        }
        recent.addLast(alert);
      }
      if (body == null) {
        return;
      }
      SseSubscriber.Event event = new SseSubscriber.Event(alert.alertId(), body);
      for (SseSubscriber subscriber : subscribers) {
        if (subscriber.caller.maySee(alert.coachId()) && !subscriber.offer(event)) {
          dropSlow(subscriber);
        }
      }
    }
  }

  private String serialise(AlertView alert) {
    try {
      return json.writeValueAsString(alert);
    } catch (JsonProcessingException e) {
      LOG.error("Alert {} cannot be written as JSON; no stream gets it: {}", alert.alertId(), e.getClass().getName());
      return null;
    }
  }

  private void dropSlow(SseSubscriber subscriber) {
    if (!subscribers.remove(subscriber)) {
      return;
    }
    long total = slowDisconnected.incrementAndGet();
    LOG.warn("An alert stream fell {} messages behind and was disconnected ({} so far); its browser reconnects.",
        queueCapacity, total);
    try {
      writers.execute(subscriber::disconnect); // aborting may block on the connection: not here
    } catch (RejectedExecutionException e) {
      subscriber.close();
    }
  }

  private void beat() {
    for (SseSubscriber subscriber : subscribers) {
      if (!subscriber.isOpen()) {
        subscribers.remove(subscriber);
      } else if (!subscriber.offer(new SseSubscriber.Comment("keepalive"))) {
        dropSlow(subscriber);
      }
    }
  }

  /** Open streams. */
  public int size() {
    return subscribers.size();
  }

  /** The most frames any open stream has waiting (how far the slowest one is behind). */
  int deepestQueue() {
    return subscribers.stream().mapToInt(SseSubscriber::queued).max().orElse(0);
  }

  /** Streams disconnected because they fell too far behind, since start. */
  public long slowClientsDisconnected() {
    return slowDisconnected.get();
  }

  /** Streams refused because {@code maxClients} were open, since start. */
  public long clientsRefused() {
    return refused.get();
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    for (SseSubscriber subscriber : new ArrayList<>(subscribers)) {
      try {
        subscriber.close();
      } catch (RuntimeException e) {
        // closing anyway
      }
    }
    subscribers.clear();
    writers.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name.endsWith("-") ? name + n.incrementAndGet() : name);
      t.setDaemon(true);
      return t;
    };
  }
}
