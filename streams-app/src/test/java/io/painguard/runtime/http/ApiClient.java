package io.painguard.runtime.http;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A small HTTP client for the API tests, including a Server-Sent-Events reader. */
public final class ApiClient implements AutoCloseable {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final List<Thread> readers = new ArrayList<>();
  private final List<InputStream> streams = new ArrayList<>();

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs a JSON body. */
  public HttpResponse<String> post(String path, String token, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One SSE event: its name, id and data. */
  public record Event(String name, String id, String data) {}

  /** An open event stream; events arrive on {@link #next}. */
  public final class EventStream {
    final int status;
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private InputStream body;

    EventStream(int status) {
      this.status = status;
    }

    /** Events received and not yet taken with {@link #next} or {@link #await}. */
    public int received() {
      return events.size();
    }

    /** Closes the stream from this end. */
    public void close() throws java.io.IOException {
      body.close();
    }

    public int status() {
      return status;
    }

    /** The next event, or null after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
      return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event with {@code id}, skipping others, or null after {@code timeout}. */
    public Event await(String id, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Event e = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        if (e != null && id.equals(e.id())) {
          return e;
        }
      }
      return null;
    }

    public String nextComment(Duration timeout) throws InterruptedException {
      return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Opens {@code path} as an event stream (the caller adds {@code ?access_token=} if needed). */
  public EventStream stream(String path, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    EventStream stream = new EventStream(response.statusCode());
    InputStream body = response.body();
    stream.body = body;
    synchronized (streams) {
      streams.add(body);
    }
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (line.isEmpty()) {
                    if (data.length() > 0 || name != null) {
                      stream.events.add(new Event(name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                  } else if (line.startsWith(":")) {
                    stream.comments.add(line.substring(1).trim());
                  } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                  } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                  } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                      data.append('\n');
                    }
                    data.append(line.substring(5).trim());
                  }
                }
              } catch (Exception e) {
                // stream closed
              }
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    synchronized (readers) {
      readers.add(reader);
    }
    return stream;
  }

  @Override
  public void close() {
    synchronized (streams) {
      for (InputStream s : streams) {
        try {
          s.close();
        } catch (Exception e) {
          // closing anyway
        }
      }
    }
  }
}
