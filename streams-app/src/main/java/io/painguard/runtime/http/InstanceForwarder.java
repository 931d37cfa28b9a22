package io.painguard.runtime.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Forwards an API request to the instance that owns the athlete, with the caller's own {@code
 * Authorization} header: that instance checks access against the athlete's profile itself. A marker
 * header stops a request from being forwarded twice while ownership moves.
 */
final class InstanceForwarder {

  static final String FORWARDED_HEADER = "X-PainGuard-Forwarded";

  /** The other instance's answer, relayed as is. */
  record Answer(int status, String contentType, String body) {}

  private final HttpClient client;
  private final Duration timeout;

  InstanceForwarder(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * GET {@code pathAndQuery} on {@code hostPort}.
   *
   * @return empty when the instance does not answer in time
   */
  Optional<Answer> get(String hostPort, String pathAndQuery, String authorization) {
    return send(
        HttpRequest.newBuilder(URI.create("http://" + hostPort + pathAndQuery)).GET(), authorization, timeout);
  }

  /**
   * POST {@code body} (JSON) to {@code path} on {@code hostPort}, waiting up to {@code wait} beyond
   * the forwarding timeout (the other instance may itself wait that long before it answers).
   *
   * @return empty when the instance does not answer in time
   */
  Optional<Answer> post(String hostPort, String path, String authorization, String body, Duration wait) {
    return send(
        HttpRequest.newBuilder(URI.create("http://" + hostPort + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        authorization,
        timeout.plus(wait));
  }

  /**
   * Refuses a request that was forwarded here already (503): ownership of the athlete is moving,
   * and a second hop could bounce between two instances.
   */
  static void refuseSecondHop(Context ctx) {
    if (ctx.header(FORWARDED_HEADER) != null) {
      throw ApiError.unavailable("Ownership of this athlete is moving between instances; try again.");
    }
  }

  /** Answers with the owner's answer as it came, or 503 when the owner did not answer. */
  static void relay(Context ctx, Optional<Answer> answer) {
    Answer a = answer.orElseThrow(() -> ApiError.unavailable("The instance that owns this athlete does not answer."));
    ctx.status(a.status()).contentType(a.contentType()).result(a.body());
  }

  /** An id as one path segment of a forwarded request (a space as %20, not +). */
  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Optional<Answer> send(HttpRequest.Builder request, String authorization, Duration within) {
    request.timeout(within).header(FORWARDED_HEADER, "1");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(
          new Answer(
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse("application/json"),
              response.body()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
