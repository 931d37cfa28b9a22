package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the registry, sending what Confluent's clients send. */
final class RegistryClient {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** A response; the timeout on every request makes a hanging server fail the test. */
  record Reply(int status, String contentType, String body) {

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("Response is not JSON: " + body, e);
      }
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }
  }

  private final String baseUrl;

  RegistryClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  Reply post(String path, String body) {
    return send("POST", path, body, Map.of("Content-Type", V1_JSON));
  }

  Reply put(String path, String body) {
    return send("PUT", path, body, Map.of("Content-Type", V1_JSON));
  }

  Reply delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (!headers.containsKey("Accept")) {
      request.header("Accept", V1_JSON + ", application/vnd.schemaregistry+json, application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Registers and returns the id, failing the test on anything but 200. */
  int register(String subject, String schema) {
    Reply reply = post("/subjects/" + subject + "/versions", schemaBody(schema));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("id").asInt();
  }

  /** {@code {"schema": "..."}} with the schema text escaped as a JSON string. */
  static String schemaBody(String schema) {
    ObjectNode body = MAPPER.createObjectNode().put("schema", schema);
    return body.toString();
  }
}
