package io.painguard.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks the Confluent Schema Registry REST API over the JDK HTTP client. No caching here (wrap it
 * in a {@link CachingSchemaRegistryClient}); it retries transient failures -- connection refused,
 * timeouts, HTTP 5xx, 408 and 429 -- across all configured URLs, with doubling pauses between
 * rounds, and starts a new round only while the {@link AvroSerdeConfig#RETRY_MAX_MS} budget
 * lasts (so a call gives up after at most that budget plus one round of request timeouts).
 * Other 4xx answers fail at once. Credentials go into the Authorization header only; messages
 * name URLs without them.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY_CHARS = 300;

  private final List<Endpoint> endpoints;
  private final RetryPolicy retry;
  private final Duration requestTimeout;
  private final HttpClient http;
  /** The endpoint that answered last; tried first next time so failover sticks. */
  private volatile int preferred;

  public RestSchemaRegistryClient(AvroSerdeConfig config) {
    if (config.isMock()) {
      throw new ConfigException("RestSchemaRegistryClient cannot serve a mock:// URL; use"
          + " SchemaRegistryClients.create(...) instead.");
    }
    this.endpoints = config.urls().stream().map(url -> Endpoint.parse(url, config)).toList();
    this.retry = config.retryPolicy();
    this.requestTimeout = config.requestTimeout();
    // HTTP/1.1: a plain-http registry has no use for the h2c upgrade dance.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(requestTimeout)
        .build();
  }

  @Override
  public int register(String subject, Schema schema) {
    JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    return requiredInt(answer, "id", "POST /subjects/" + subject + "/versions");
  }

  @Override
  public int getId(String subject, Schema schema) {
    JsonNode answer = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
    return requiredInt(answer, "id", "POST /subjects/" + subject);
  }

  @Override
  public Schema getSchemaById(int id) {
    String path = "/schemas/ids/" + id;
    return parseSchema(call("GET", path, null), "schema id " + id, path);
  }

  @Override
  public RegisteredSchema getLatestSchemaMetadata(String subject) {
    String path = "/subjects/" + encode(subject) + "/versions/latest";
    JsonNode answer = call("GET", path, null);
    return new RegisteredSchema(subject, requiredInt(answer, "id", path),
        requiredInt(answer, "version", path),
        parseSchema(answer, "latest schema of subject " + subject, path));
  }

  /** The URLs this client talks to, without credentials. */
  public List<String> urls() {
    return endpoints.stream().map(Endpoint::toString).toList();
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient" + urls();
  }

  private JsonNode call(String method, String path, String body) {
    long start = System.nanoTime();
    long deadline = start + retry.maxElapsed().toNanos();
    Duration pause = retry.initialBackoff();
    Map<String, String> lastFailureByUrl = new LinkedHashMap<>();
    boolean anyAnswer = false;
    int attempts = 0;
    while (true) {
      int first = preferred;
      for (int i = 0; i < endpoints.size(); i++) {
        int index = (first + i) % endpoints.size();
        Endpoint endpoint = endpoints.get(index);
        attempts++;
        Duration timeout = requestTimeout;
        try {
          HttpResponse<String> response =
              http.send(request(endpoint, method, path, body, timeout),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            preferred = index;
            return parseJson(response.body(), endpoint, method, path);
          }
          RegistryError error = RegistryError.of(status, response.body());
          if (!isTransient(status)) {
            throw new SchemaRegistryException("Schema registry " + endpoint + " answered " + method
                + " " + path + " with " + error.describe(), status, error.code(), error.message(),
                null);
          }
          anyAnswer = true;
          lastFailureByUrl.put(endpoint.toString(), error.describe());
          LOG.debug("Schema registry {} {} {}: {}; will retry", endpoint, method, path,
              error.describe());
        } catch (IOException e) {
          lastFailureByUrl.put(endpoint.toString(), describe(e, timeout));
          LOG.debug("Schema registry {} {} {} failed: {}; will retry", endpoint, method, path,
              describe(e, timeout));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SchemaRegistryException("Interrupted while calling schema registry " + endpoint
              + " (" + method + " " + path + ")", SchemaRegistryException.NO_RESPONSE, -1, null, e);
        }
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw exhausted(method, path, attempts, start, anyAnswer, lastFailureByUrl);
      }
      sleep(Math.min(Math.max(1, pause.toMillis()), Math.max(1, remaining / 1_000_000)),
          method, path);
      pause = retry.next(pause);
    }
  }

  private SchemaRegistryException exhausted(String method, String path, int attempts, long start,
      boolean anyAnswer, Map<String, String> lastFailureByUrl) {
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    List<String> failures = new ArrayList<>();
    lastFailureByUrl.forEach((url, failure) -> failures.add(url + " -> " + failure));
    String headline = anyAnswer ? "Schema registry unavailable" : "Schema registry unreachable";
    return new SchemaRegistryException(headline + " at " + String.join(", ", lastFailureByUrl.keySet())
        + ": " + method + " " + path + " failed " + attempts + (attempts == 1 ? " time" : " times")
        + " in " + elapsedMs + " ms (retry budget " + AvroSerdeConfig.RETRY_MAX_MS + "="
        + retry.maxElapsed().toMillis() + "); last errors: " + String.join("; ", failures),
        SchemaRegistryException.NO_RESPONSE, -1, null, null);
  }

  private HttpRequest request(Endpoint endpoint, String method, String path, String body,
      Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(timeout)
        .header("Accept", CONTENT_TYPE + ", application/json");
    if (endpoint.authorization != null) {
      builder.header("Authorization", endpoint.authorization);
    }
    if (body == null) {
      return builder.GET().build();
    }
    return builder.header("Content-Type", CONTENT_TYPE)
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private static boolean isTransient(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  private static void sleep(long millis, String method, String path) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while waiting to retry schema registry call "
          + method + " " + path, SchemaRegistryException.NO_RESPONSE, -1, null, e);
    }
  }

  private static String describe(IOException e, Duration timeout) {
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms (" + e.getClass().getSimpleName() + ")";
    }
    if (e instanceof ConnectException) {
      return "connection refused or host unreachable (ConnectException)";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String schemaBody(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException("Cannot encode schema " + schema.getFullName()
          + " as JSON: " + e.getOriginalMessage(), SchemaRegistryException.NO_RESPONSE, -1, null, e);
    }
  }

  private static JsonNode parseJson(String body, Endpoint endpoint, String method, String path) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException("Schema registry " + endpoint + " answered " + method + " "
          + path + " with something that is not JSON: " + abbreviate(body), 200, -1, null, e);
    }
  }

  private static int requiredInt(JsonNode answer, String field, String what) {
    JsonNode value = answer == null ? null : answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new SchemaRegistryException("Schema registry answer to " + what + " has no '" + field
          + "' number: " + abbreviate(String.valueOf(answer)), 200, -1, null, null);
    }
    return value.intValue();
  }

  private static Schema parseSchema(JsonNode answer, String what, String path) {
    JsonNode type = answer.get("schemaType");
    if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
      throw new UnsupportedSchemaException("The registry's " + what + " is a " + type.asText()
          + " schema, not Avro", null);
    }
    // Checked before parsing: the text alone names types it does not define, and the parse error
    // would hide the real reason.
    JsonNode references = answer.get("references");
    if (references != null && references.isArray() && !references.isEmpty()) {
      throw new UnsupportedSchemaException("The registry's " + what + " uses " + references.size()
          + " schema reference(s), which this client does not resolve", null);
    }
    JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw new SchemaRegistryException("Schema registry answer to GET " + path
          + " has no 'schema' text: " + abbreviate(String.valueOf(answer)), 200, -1, null, null);
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw new UnsupportedSchemaException("The registry's " + what + " is not a valid Avro schema: "
          + e.getMessage(), e);
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_ERROR_BODY_CHARS ? flat
        : flat.substring(0, MAX_ERROR_BODY_CHARS) + "...";
  }

  /** The registry's error answer: {@code {"error_code": 40403, "message": "..."}}. */
  private record RegistryError(int status, int code, String message) {
    static RegistryError of(int status, String body) {
      try {
        JsonNode node = JSON.readTree(body);
        if (node != null && node.isObject()) {
          JsonNode code = node.get("error_code");
          JsonNode message = node.get("message");
          return new RegistryError(status, code != null && code.canConvertToInt() ? code.intValue()
              : -1, message == null ? null : message.asText());
        }
      } catch (JsonProcessingException e) {
        // Not JSON (a proxy's HTML page, say): fall through and show the raw text.
      }
      return new RegistryError(status, -1, body == null || body.isBlank() ? null : abbreviate(body));
    }

    String describe() {
      return "HTTP " + status + (code > 0 ? " (error " + code + ")" : "")
          + (message == null ? "" : ": " + message);
    }
  }

  /** One registry base URL; {@link #toString()} never shows the credentials. */
  private static final class Endpoint {
    private final String base;
    private final String display;
    private final String authorization;

    private Endpoint(String base, String display, String authorization) {
      this.base = base;
      this.display = display;
      this.authorization = authorization;
    }

    static Endpoint parse(String url, AvroSerdeConfig config) {
      String display = AvroSerdeConfig.redact(url);
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL + " entry '" + display
            + "' is not a valid URL.");
      }
      if (uri.getHost() == null) {
        throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL + " entry '" + display
            + "' has no host.");
      }
      String userInfo = config.credentialsSource() == AvroSerdeConfig.CredentialsSource.USER_INFO
          ? config.userInfo()
          : uri.getRawUserInfo() == null ? null
              : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
      String authorization = userInfo == null ? null : "Basic "
          + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String base = uri.getScheme() + "://" + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
      return new Endpoint(base, display.endsWith("/") ? display.substring(0, display.length() - 1)
          : display, authorization);
    }

    URI resolve(String path) {
      return URI.create(base + path);
    }

    @Override
    public String toString() {
      return display;
    }
  }
}
