package io.painguard.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The one call the stack makes to a schema registry -- registering a schema -- over the Confluent
 * REST API, like any client would, so it works against ours and Confluent's alike; with basic-auth
 * credentials when the registry asks for them (sent as Confluent's clients send them, never shown).
 */
final class RegistryRestClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** @param userInfo {@code user:password} for basic auth, or null */
  RegistryRestClient(String baseUrl, String userInfo) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = userInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  /** Registers {@code schema} under {@code subject}; the same schema again returns the same id. */
  int register(String subject, Schema schema) {
    String path = "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20") + "/versions";
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new IllegalStateException("Could not encode the schema for " + subject, e);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", CONTENT_TYPE)
            .header("Accept", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Schema registry " + baseUrl + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while registering " + subject, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Schema registry refused " + subject + " (HTTP " + response.statusCode() + "): " + response.body());
    }
    try {
      JsonNode id = JSON.readTree(response.body()).get("id");
      if (id == null || !id.canConvertToInt()) {
        throw new IllegalStateException("Schema registry answered " + subject + " without an id: " + response.body());
      }
      return id.intValue();
    } catch (IOException e) {
      throw new IllegalStateException("Schema registry answered " + subject + " with malformed JSON: " + response.body(), e);
    }
  }
}
