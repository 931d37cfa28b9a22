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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks the Confluent Schema Registry REST API over the JDK HTTP client. No caching here (wrap it
 * in a {@link CachingSchemaRegistryClient}); it retries transient failures -- connection refused,
 * timeouts, HTTP 5xx, 408 and 429 -- across all configured URLs, in up to {@link
 * AvroSerdeConfig#MAX_RETRIES} more rounds with doubling waits between them ({@link RetryPolicy}).
 * Other 4xx answers fail at once. HTTPS as {@link RegistryTls} sets it up; credentials ({@link
 * RegistryAuth}) go into request headers only, and messages name URLs without them.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY_CHARS = 300;

  private final List<Endpoint> endpoints;
  private final RetryPolicy retry;
  private final Duration readTimeout;
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
    this.readTimeout = config.readTimeout();
    // HTTP/1.1: a plain-http registry has no use for the h2c upgrade dance.
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout());
    if (config.tls().context() != null) {
      builder.sslContext(config.tls().context()).sslParameters(config.tls().parameters());
    }
    this.http = builder.build();
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
  public Schema getSchemaByGuid(UUID guid) {
    String path = "/schemas/guids/" + guid;
    return parseSchema(call("GET", path, null), "schema guid " + guid, path);
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
    Map<String, String> lastFailureByUrl = new LinkedHashMap<>();
    boolean anyAnswer = false;
    int attempts = 0;
    for (int retries = 0; ; retries++) {
      int first = preferred;
      for (int i = 0; i < endpoints.size(); i++) {
        int index = (first + i) % endpoints.size();
        Endpoint endpoint = endpoints.get(index);
        attempts++;
        try {
          HttpResponse<String> response =
              http.send(request(endpoint, method, path, body),
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
          lastFailureByUrl.put(endpoint.toString(), describe(e));
          LOG.debug("Schema registry {} {} {} failed: {}; will retry", endpoint, method, path,
              describe(e));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SchemaRegistryException("Interrupted while calling schema registry " + endpoint
              + " (" + method + " " + path + ")", SchemaRegistryException.NO_RESPONSE, -1, null, e);
        }
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (!retry.mayRetry(retries, elapsed)) {
        throw exhausted(method, path, attempts, elapsed, anyAnswer, lastFailureByUrl);
      }
      sleep(retry.waitBefore(retries + 1, elapsed), method, path);
    }
  }

  private SchemaRegistryException exhausted(String method, String path, int attempts,
      Duration elapsed, boolean anyAnswer, Map<String, String> lastFailureByUrl) {
    List<String> failures = new ArrayList<>();
    lastFailureByUrl.forEach((url, failure) -> failures.add(url + " -> " + failure));
    String headline = anyAnswer ? "Schema registry unavailable" : "Schema registry unreachable";
    return new SchemaRegistryException(headline + " at " + String.join(", ", lastFailureByUrl.keySet())
        + ": " + method + " " + path + " failed " + attempts + (attempts == 1 ? " time" : " times")
        + " in " + elapsed.toMillis() + " ms (" + retry.describe() + "); last errors: "
        + String.join("; ", failures), SchemaRegistryException.NO_RESPONSE, -1, null, null);
  }

  private HttpRequest request(Endpoint endpoint, String method, String path, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(readTimeout)
        .header("Accept", CONTENT_TYPE + ", application/json");
    endpoint.headers.forEach(builder::header);
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

  private static void sleep(Duration wait, String method, String path) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while waiting to retry schema registry call "
          + method + " " + path, SchemaRegistryException.NO_RESPONSE, -1, null, e);
    }
  }

  private String describe(IOException e) {
    if (e instanceof java.net.http.HttpConnectTimeoutException) {
      return "no connection within " + AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS + " ("
          + e.getClass().getSimpleName() + ")";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + readTimeout.toMillis() + " ms (" + e.getClass().getSimpleName()
          + ")";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      // The handshake's reason (an untrusted certificate, a host name it does not name) is the news.
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return "TLS failed (" + e.getClass().getSimpleName() + "): " + root.getMessage();
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
    private final Map<String, String> headers;

    private Endpoint(String base, String display, Map<String, String> headers) {
      this.base = base;
      this.display = display;
      this.headers = headers;
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
      String urlUserInfo = uri.getRawUserInfo() == null ? null
          : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String base = uri.getScheme() + "://" + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
      return new Endpoint(base, display.endsWith("/") ? display.substring(0, display.length() - 1)
          : display, config.auth().headersFor(urlUserInfo));
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
