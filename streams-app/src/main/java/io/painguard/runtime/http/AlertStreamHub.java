package io.painguard.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * Fans alerts out to the open Server-Sent-Events streams, each seeing only the alerts its caller
 * may see (an admin all, a coach those naming them). A new stream starts with the most recent
 * alerts this instance has relayed, so a reloaded dashboard is not blank; clients de-duplicate by
 * the event id (the alertId). Idle streams get a comment every heartbeat so proxies keep them open
 * and closed ones are noticed.
 */
public final class AlertStreamHub implements AutoCloseable {

  static final String EVENT_NAME = "alert";

  /** One open stream; writes are serialised because the feed and the heartbeat share it. */
  private static final class Subscriber {
    final SseClient client;
    final Caller caller;

    Subscriber(SseClient client, Caller caller) {
      this.client = client;
      this.caller = caller;
    }

    synchronized void send(AlertView alert, String json) {
      if (!client.terminated()) {
        client.sendEvent(EVENT_NAME, json, alert.alertId());
      }
    }

    synchronized void comment(String text) {
      if (!client.terminated()) {
        client.sendComment(text);
      }
    }
  }

  private final ObjectMapper json;
  private final int replay;
  private final Deque<AlertView> recent = new ArrayDeque<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService heartbeat;

  public AlertStreamHub(ObjectMapper json, int replay, Duration heartbeatEvery) {
    this.json = json;
    this.replay = replay;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "painguard-sse-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long ms = heartbeatEvery.toMillis();
    heartbeat.scheduleAtFixedRate(this::beat, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Keeps {@code client} open and sends it the alerts its caller may see, recent ones first. */
  public void subscribe(SseClient client, Caller caller) {
    client.keepAlive();
    Subscriber subscriber = new Subscriber(client, caller);
    client.onClose(() -> subscribers.remove(subscriber));
    // Sent at once so the browser's EventSource reports the stream open before any alert.
    subscriber.comment("connected");
    synchronized (recent) {
      for (AlertView alert : recent) {
        deliver(subscriber, alert);
      }
      subscribers.add(subscriber);
    }
  }

  /** Relays one alert to every stream allowed to see it. */
  public void publish(AlertView alert) {
    synchronized (recent) {
      if (replay > 0) {
        if (recent.size() == replay) {
          recent.removeFirst();
        }
        recent.addLast(alert);
      }
      for (Subscriber subscriber : subscribers) {
        deliver(subscriber, alert);
      }
    }
  }

  private void deliver(Subscriber subscriber, AlertView alert) {
    if (!subscriber.caller.maySee(alert.coachId())) {
      return;
    }
    try {
      subscriber.send(alert, json.writeValueAsString(alert));
    } catch (JsonProcessingException | RuntimeException e) {
      subscribers.remove(subscriber);
    }
  }

  private void beat() {
    for (Subscriber subscriber : subscribers) {
      try {
        subscriber.comment("keepalive");
        if (subscriber.client.terminated()) {
          subscribers.remove(subscriber);
        }
      } catch (RuntimeException e) {
        subscribers.remove(subscriber);
      }
    }
  }

  public int size() {
    return subscribers.size();
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    for (Subscriber subscriber : new ArrayList<>(subscribers)) {
      try {
        subscriber.client.close();
      } catch (RuntimeException e) {
        // closing anyway
      }
    }
    subscribers.clear();
  }
}
