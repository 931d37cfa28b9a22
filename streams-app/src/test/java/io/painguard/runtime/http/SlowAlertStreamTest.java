package io.painguard.runtime.http;

import static io.painguard.runtime.http.JsonMappingTest.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.AlertState;
import io.painguard.events.Severity;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.runtime.metrics.PainGuardMetrics;
import io.painguard.topology.DeadLetterCounter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alert streams against a real HTTP server: a dashboard that stops reading delays nobody else and
 * is cut off, and streams beyond the cap are refused.
 */
class SlowAlertStreamTest {

  private final ObjectMapper json = new ObjectMapper();
  private final List<AutoCloseable> open = new ArrayList<>();

  /** Far more alerts than the stalled connection's socket buffers hold (a few hundred). */
  private static final int ALERTS = 5_000;

  private record Server(ApiServer api, AlertStreamHub hub, ApiClient client) {}

  /** A server whose /metrics is the real registry, with the hub's meters bound as the app binds them. */
  private Server server(AlertStreamHub hub) {
    RuntimeSettings settings = RuntimeSettings.from(AppConfig.of(Map.of(
        "painguard.http.host", "127.0.0.1", "painguard.http.port", "0")));
    PainGuardMetrics metrics = new PainGuardMetrics(new DeadLetterCounter());
    metrics.sseClients(hub::size, hub::slowClientsDisconnected, hub::clientsRefused);
    ApiServer api = new ApiServer(settings, AccessTokens.parse("admin-token=admin"),
        () -> KafkaStreams.State.RUNNING, metrics::scrape, hub, json).start();
    ApiClient client = new ApiClient(api.port());
    open.add(client);
    open.add(api);
    open.add(hub);
    open.add(metrics);
    return new Server(api, hub, client);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void aClientThatStopsReadingDelaysNobodyElse() throws Exception {
    // A queue big enough that the stalled client stays connected, and stuck, throughout.
    Server s = server(new AlertStreamHub(json, 0, Duration.ofHours(1), 10, 1_000_000));
    stalledStream(s.api().port());
    ApiClient.EventStream fast = s.client().stream("/api/alerts/stream", "admin-token");
    await().atMost(Duration.ofSeconds(10)).until(() -> s.hub().size() == 2);

    Thread publisher = publishPacedBy(s.hub(), fast, 200_000);
    try {
      // The stalled client's writer is blocked on its full socket: its frames pile up ...
      await().atMost(Duration.ofSeconds(60)).until(() -> s.hub().deepestQueue() >= 200);
      int atStall = fast.received();
      // ... while the fast client keeps getting alerts, which a publisher waiting on that
      // socket could not send.
      await().atMost(Duration.ofSeconds(60)).until(() -> fast.received() >= atStall + 1_000);
    } finally {
      publisher.interrupt();
    }

    assertThat(s.hub().size()).as("both streams still open").isEqualTo(2);
    assertThat(s.hub().slowClientsDisconnected()).isZero();
  }

  @Test
  void aClientWhoseQueueOverflowsIsCutOffAndCounted() throws Exception {
    Server s = server(new AlertStreamHub(json, 0, Duration.ofHours(1), 10, 64));
    Socket stalled = stalledStream(s.api().port());
    ApiClient.EventStream fast = s.client().stream("/api/alerts/stream", "admin-token");
    await().atMost(Duration.ofSeconds(10)).until(() -> s.hub().size() == 2);

    Thread publisher = publishPacedBy(s.hub(), fast, ALERTS);
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> s.hub().slowClientsDisconnected() == 1);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(fast.received()).as("alerts the fast client got").isEqualTo(ALERTS));
    } finally {
      publisher.interrupt();
    }

    assertThat(s.hub().size()).as("only the fast stream is left").isEqualTo(1);
    assertThat(receivesEndOfStream(stalled)).as("the server closed the stalled connection").isTrue();
    String metrics = s.client().get("/metrics", null).body();
    assertThat(metrics).contains("painguard_sse_clients 1.0", "painguard_sse_slow_clients_disconnected_total 1.0",
        "painguard_sse_clients_refused_total 0.0");
  }

  /**
   * Publishes {@code count} alerts, each once {@code fast} is at most 32 behind: only a publisher
   * stuck on another client's socket can keep the fast client waiting.
   */
  private static Thread publishPacedBy(AlertStreamHub hub, ApiClient.EventStream fast, int count) {
    Thread publisher = new Thread(() -> {
      for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
        hub.publish(AlertView.of(alert("al-" + i, "ath-a", "coach-a", Severity.ADVISORY, AlertState.RAISED)));
        while (fast.received() < i - 32 && !Thread.currentThread().isInterrupted()) {
          Thread.onSpinWait();
        }
      }
    }, "test-publisher");
    publisher.setDaemon(true);
    publisher.start();
    return publisher;
  }

  @Test
  void streamsBeyondTheCapAreRefusedWith503InOneSentenceUntilOneCloses() throws Exception {
    Server s = server(new AlertStreamHub(json, 0, Duration.ofSeconds(1), 2));
    ApiClient.EventStream first = s.client().stream("/api/alerts/stream", "admin-token");
    ApiClient.EventStream second = s.client().stream("/api/alerts/stream?access_token=admin-token", null);
    await().atMost(Duration.ofSeconds(10)).until(() -> s.hub().size() == 2);

    HttpResponse<String> third = s.client().get("/api/alerts/stream", "admin-token");

    assertThat(List.of(first.status(), second.status())).containsOnly(200);
    assertThat(third.statusCode()).isEqualTo(503);
    assertThat(json.readTree(third.body()).get("message").asText()).isEqualTo(
        "This instance already serves its maximum of 2 alert streams (painguard.http.sse-max-clients); try again later.");
    assertThat(third.headers().firstValue("Retry-After")).contains("10");
    assertThat(s.hub().size()).isEqualTo(2);
    assertThat(s.hub().clientsRefused()).isEqualTo(1);
    assertThat(s.client().get("/api/alerts/stream?access_token=wrong", null).statusCode())
        .as("the cap does not tell a stranger anything: no token is still 401").isEqualTo(401);

    first.close(); // noticed at the next heartbeat, whose write fails
    await().atMost(Duration.ofSeconds(20)).until(() -> s.hub().size() == 1);
    ApiClient.EventStream again = s.client().stream("/api/alerts/stream", "admin-token");
    assertThat(again.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> s.hub().size() == 2);
    assertThat(s.hub().clientsRefused()).isEqualTo(1);
    assertThat(s.hub().slowClientsDisconnected()).as("a closed stream is not a slow one").isZero();
  }

  /**
   * Opens the alert stream on a raw socket with a tiny receive window and never reads from it, so
   * that the server's writes to it fill the TCP buffers and then block.
   */
  private Socket stalledStream(int port) throws IOException {
    Socket socket = new Socket();
    open.add(socket);
    socket.setReceiveBufferSize(1024); // before connecting, so the window is small from the start
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    OutputStream out = socket.getOutputStream();
    out.write(("GET /api/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
        + "Authorization: Bearer admin-token\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** Reads what the stalled socket was sent, now; true when the server closed or reset it. */
  private static boolean receivesEndOfStream(Socket socket) throws IOException {
    socket.setSoTimeout(30_000);
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      while (in.read(buffer) >= 0) {
        // draining what was buffered before the server gave up on it
      }
      return true;
    } catch (java.net.SocketException e) {
      return true; // reset: the server aborted the connection
    } catch (java.net.SocketTimeoutException e) {
      return false;
    }
  }
}
