package io.painguard.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Reason;
import io.painguard.events.SelfCare;
import io.painguard.events.Severity;
import io.painguard.rules.PainBand;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.RuntimeSettings;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description the app serves, held against the app: valid OpenAPI 3, one operation
 * per route and no more, the same token rules, the fields of the records the app writes, the Avro
 * enums' symbols; and served, with its page, without a token.
 */
class ApiDescriptionTest {

  private static final String RESOURCE = "/api-docs/openapi.json";
  private final ObjectMapper json = new ObjectMapper();
  private AlertStreamHub hub;
  private ApiServer api;
  private ApiClient client;
  private OpenAPI description;

  @BeforeEach
  void start() throws Exception {
    RuntimeSettings settings =
        RuntimeSettings.from(AppConfig.of(Map.of("painguard.http.host", "127.0.0.1", "painguard.http.port", "0")));
    hub = new AlertStreamHub(json, 5, settings.sseHeartbeat(), settings.sseMaxClients());
    api =
        new ApiServer(settings, AccessTokens.parse(ApiServerTest.TOKENS), () -> KafkaStreams.State.RUNNING,
                () -> "painguard_test_total 1.0\n", hub, json)
            .start();
    api.directory(new FakeDirectory());
    client = new ApiClient(api.port());
    description = parsed(read()).getOpenAPI();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    api.close();
    hub.close();
  }

  @Test
  void theDescriptionIsValidOpenApi3() throws Exception {
    // Given the packaged description, When an OpenAPI parser reads it
    SwaggerParseResult result = parsed(read());

    // Then it reports nothing wrong, every reference resolves, and it is version 3
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
    assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("PainGuard");
  }

  @Test
  void everyRouteOfTheAppIsDescribedAndNothingElse() {
    // Given the running server's routes and the description's operations
    Set<String> routes = api.routes();
    Set<String> described = new TreeSet<>(operations().keySet());

    // Then they are the same set
    assertThat(routes).as("routes of the app").isNotEmpty().contains("GET /api/athletes/{id}");
    assertThat(described).as("operations described in " + RESOURCE).isEqualTo(routes);
  }

  @Test
  void theDescribedTokenRulesAreTheAppsApiNeedsATokenTheRestIsPublic() {
    // Given each described operation, When its security requirement is resolved
    operations().forEach(
        (route, operation) -> {
          List<?> security = operation.getSecurity() != null ? operation.getSecurity() : description.getSecurity();
          boolean needsToken = security != null && !security.isEmpty();

          // Then exactly the /api/ routes ask for a token, as the app's before-handler does
          assertThat(needsToken).as(route).isEqualTo(route.contains(" /api/"));
        });
  }

  @Test
  void bodiesHaveTheFieldsOfTheRecordsTheAppWrites() {
    // Given each described body and the record the app serializes into it
    Map<String, Class<? extends Record>> bodies = new LinkedHashMap<>();
    bodies.put("EpisodeList", ApiServer.EpisodeList.class);
    bodies.put("Athlete", AthleteView.class);
    bodies.put("Pain", AthleteView.PainView.class);
    bodies.put("Intensity", AthleteView.IntensityView.class);
    bodies.put("OpenAlert", AthleteView.OpenAlertView.class);
    bodies.put("Referral", AthleteView.ReferralView.class);
    bodies.put("Alert", AlertView.class);
    bodies.put("Recommendation", AlertView.RecommendationView.class);
    bodies.put("Exertion", AlertView.ExertionView.class);
    bodies.put("Need", Need.class);
    bodies.put("AlertLabels", AlertView.Labels.class);
    bodies.put("Session", SessionView.class);
    bodies.put("SessionMinute", SessionView.MinuteView.class);
    bodies.put("SessionPainReport", SessionView.PainReportView.class);
    bodies.put("Acknowledgement", AcknowledgementView.class);

    // Then the described properties are the record's components, no more, no fewer
    bodies.forEach(
        (name, type) ->
            assertThat(schema(name).getProperties().keySet())
                .as(name + " against " + type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()));
  }

  @Test
  void describedEnumsAreTheSymbolsTheAppWrites() {
    assertThat(symbols("Severity")).containsExactly(names(Severity.values()));
    assertThat(symbols("AlertState")).containsExactly(names(AlertState.values()));
    assertThat(symbols("Reason")).containsExactly(names(Reason.values()));
    assertThat(symbols("ActivityType")).containsExactly(names(ActivityType.values()));
    assertThat(symbols("SelfCare")).containsExactly(names(SelfCare.values()));
    assertThat(schema("Pain").getProperties().get("band").getEnum()).containsExactly((Object[]) names(PainBand.values()));
  }

  @Test
  void theDescriptionAndItsPageAreServedWithoutATokenWhileTheApiStillWantsOne() throws Exception {
    // When the description, its page and the page's files are asked for without a token
    HttpResponse<String> served = client.get("/openapi.json", null);
    HttpResponse<String> page = client.get("/api-docs", null);
    HttpResponse<String> init = client.get("/api-docs/swagger-init.js", null);
    HttpResponse<String> bundle = client.get("/api-docs/swagger-ui/swagger-ui-bundle.js", null);
    HttpResponse<String> style = client.get("/api-docs/swagger-ui/swagger-ui.css", null);

    // Then each is there, the description byte for byte what was checked above
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(served.body()).isEqualTo(read());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/api-docs/swagger-ui/swagger-ui-bundle.js", "/api-docs/swagger-init.js");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self';", "img-src 'self' data:;")
        .doesNotContain("unsafe");
    assertThat(init.statusCode()).isEqualTo(200);
    assertThat(init.body()).contains("url: \"/openapi.json\"");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(style.statusCode()).isEqualTo(200);

    // And the API it describes still refuses a caller without a token
    assertThat(client.get("/api/athletes", null).statusCode()).isEqualTo(401);
  }

  /** Every described operation as {@code METHOD /path}. */
  private Map<String, Operation> operations() {
    Map<String, Operation> operations = new LinkedHashMap<>();
    for (Map.Entry<String, PathItem> path : description.getPaths().entrySet()) {
      path.getValue().readOperationsMap().forEach((method, op) -> operations.put(method + " " + path.getKey(), op));
    }
    return operations;
  }

  private Schema<?> schema(String name) {
    return Objects.requireNonNull(description.getComponents().getSchemas().get(name), name);
  }

  private List<String> symbols(String name) {
    return schema(name).getEnum().stream().filter(Objects::nonNull).map(String::valueOf).toList();
  }

  private static String[] names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
  }

  private static SwaggerParseResult parsed(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(text, null, options);
  }

  private static String read() throws Exception {
    try (InputStream in = ApiDescriptionTest.class.getResourceAsStream(RESOURCE)) {
      return new String(Objects.requireNonNull(in, RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
