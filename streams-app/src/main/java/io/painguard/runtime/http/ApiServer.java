package io.painguard.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import io.javalin.util.JavalinBindException;
import io.painguard.events.ExertionAlert;
import io.painguard.rules.Wording;
import io.painguard.runtime.StartupException;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.runtime.health.HealthStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and the coach dashboard.
 *
 * <pre>
 * GET /health/live                 200 unless Kafka Streams has failed or the app has been stuck too long (no auth)
 * GET /health/ready                200 when Kafka Streams is RUNNING and not stuck, else 503           (no auth)
 * GET /metrics                     Prometheus text                               (no auth)
 * GET /api/athletes                athletes in a pain episode or with an open alert, visible to the caller,
 *                                  neediest first ({@link Need}); ?all=true: every athlete held
 * GET /api/wording                 the words for every symbol the API shows (see Wording)
 * GET /api/athletes/{id}           pain in force, intensity vs ceiling, open alert
 * GET /api/athletes/{id}/alerts    recent alerts, newest first, each with its acknowledgements
 * GET /api/athletes/{id}/session   the last ?hours=N (default 3) minute by minute, with pain reports and alerts
 * POST /api/athletes/{id}/alerts/{alertId}/acknowledgements  acknowledge an alert with a note
 *                                  (201 once readable; see AcknowledgementRoute)
 * GET /api/alerts/stream           Server-Sent Events "alert" with the alerts the caller may see
 *                                  (503 beyond painguard.http.sse-max-clients open streams)
 * GET /                            the dashboard (static; it asks the API with the token it is given)
 * GET /openapi.json                this API's OpenAPI 3 description                 (no auth; see ApiDocs)
 * GET /api-docs                    the description as a page (Swagger UI)           (no auth)
 * </pre>
 *
 * API calls need {@code Authorization: Bearer TOKEN} (the event stream also takes {@code
 * ?access_token=}, since a browser's EventSource cannot set headers). A coach who asks for an
 * athlete of another coach gets the same 403 as for an athlete nobody has seen.
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String CALLER = "painguard.caller";
  private static final String STREAM_PATH = "/api/alerts/stream";
  private static final int MAX_ID_LENGTH = 256;
  /** At most this many athletes in one listing; {@code complete:false} says when more matched. */
  private static final int EPISODE_LIMIT = 500;
  private static final int DEFAULT_SESSION_HOURS = 3;
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final RuntimeSettings settings;
  private final AccessTokens tokens;
  private final Supplier<KafkaStreams.State> streamsState;
  private final Supplier<String> metrics;
  private final AlertStreamHub hub;
  private final ObjectMapper json;
  private final InstanceForwarder forwarder;
  private final AcknowledgementRoute acknowledgements;
  private volatile AthleteDirectory directory;
  private volatile Supplier<HealthStatus> health;
  private Javalin javalin;

  /**
   * @param streamsState the Kafka Streams state, null before the instance exists
   * @param metrics the Prometheus text
   */
  public ApiServer(
      RuntimeSettings settings,
      AccessTokens tokens,
      Supplier<KafkaStreams.State> streamsState,
      Supplier<String> metrics,
      AlertStreamHub hub,
      ObjectMapper json) {
    this.settings = settings;
    this.tokens = tokens;
    this.streamsState = streamsState;
    this.metrics = metrics;
    this.hub = hub;
    this.json = json;
    this.forwarder = new InstanceForwarder(settings.forwardTimeout());
    this.acknowledgements = new AcknowledgementRoute(forwarder, json, java.time.Clock.systemUTC(), MAX_ID_LENGTH);
  }

  /**
   * What the health endpoints answer (stuck instances included, see {@code StreamsHealth}); until
   * set, they follow the Kafka Streams state alone.
   */
  public void health(Supplier<HealthStatus> health) {
    this.health = health;
  }

  /** Where acknowledgements are written; until set, acknowledging answers 503. */
  public void acknowledgements(AcknowledgementLog log) {
    acknowledgements.log(log);
  }

  /** Where athletes are looked up; until set, athlete queries answer 503. */
  public void directory(AthleteDirectory directory) {
    this.directory = directory;
  }

  /**
   * Listens on the configured host and port.
   *
   * @throws StartupException when the port is taken or the host cannot be bound
   */
  public ApiServer start() {
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.http.disableCompression(); // compression would buffer the event stream
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/dashboard";
                    files.directory = "/dashboard";
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", "no-cache");
                  });
              ApiDocs.staticFiles(config);
              DashboardFiles.staticFiles(config);
            });
    app.before(this::securityHeaders);
    app.before("/api/*", this::authenticate);
    app.before(STREAM_PATH, this::streamRoom);
    app.exception(ApiError.class, (e, ctx) -> error(ctx, e));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed: {}", ctx.method(), ctx.matchedPath(), e.getClass().getName());
          error(ctx, new ApiError(500, "internal", "The request failed; see the server log."));
        });

    app.get("/health/live", this::live);
    app.get("/health/ready", this::ready);
    app.get("/metrics", this::metrics);
    app.get("/api/athletes", this::episodes);
    app.get("/api/wording", this::wording);
    app.get("/api/athletes/{id}", ctx -> athlete(ctx, false));
    app.get("/api/athletes/{id}/alerts", ctx -> athlete(ctx, true));
    app.get("/api/athletes/{id}/session", this::session);
    app.post(AcknowledgementRoute.PATH, ctx -> acknowledgements.handle(ctx, ctx.attribute(CALLER), directoryOrUnavailable()));
    app.sse(STREAM_PATH, client -> hub.subscribe(client, client.ctx().attribute(CALLER)));
    app.get("/", this::dashboard);
    ApiDocs.routes(app, CSP);

    try {
      app.start(settings.httpHost(), settings.httpPort());
    } catch (RuntimeException e) {
      app.stop();
      throw bindFailure(e);
    }
    this.javalin = app;
    return this;
  }

  private StartupException bindFailure(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JavalinBindException || t instanceof BindException) {
        return new StartupException(
            "Port " + settings.httpPort() + " on " + settings.httpHost()
                + " is already in use; choose another with --http-port (painguard.http.port).",
            e);
      }
    }
    return new StartupException(
        "Cannot listen on " + settings.httpHost() + ":" + settings.httpPort() + ": "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")),
        e);
  }

  /** Every route as {@code METHOD /path}, for checking the API description against. */
  Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    for (ParsedEndpoint handler : javalin.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
      HandlerType method = handler.getEndpoint().getMethod();
      if (method.isHttpMethod()) {
        routes.add(method + " " + handler.getEndpoint().getPath());
      }
    }
    return routes;
  }

  /** The port listened on (the actual one when 0 was configured). */
  public int port() {
    return javalin.port();
  }

  // ---- cross-cutting ----

  private void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", CSP);
    if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/health/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  private void authenticate(Context ctx) {
    String token = AccessTokens.bearerToken(ctx.header("Authorization"));
    if (token == null && ctx.path().equals(STREAM_PATH)) {
      token = ctx.queryParam("access_token");
    }
    Optional<Caller> caller = tokens.authenticate(token);
    if (caller.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"painguard\"");
      throw ApiError.unauthorized();
    }
    ctx.attribute(CALLER, caller.get());
  }

  private void streamRoom(Context ctx) {
    if (!hub.admits()) {
      ctx.header("Retry-After", "10");
      throw ApiError.unavailable("This instance already serves its maximum of " + hub.maxClients()
          + " alert streams (painguard.http.sse-max-clients); try again later.");
    }
  }

  private void error(Context ctx, ApiError e) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", e.code);
    body.put("message", e.getMessage());
    ctx.status(e.status).json(body);
  }

  // ---- health and metrics ----

  private void live(Context ctx) {
    HealthStatus status = health();
    ctx.status(status.live() ? 200 : 503).json(body(status.live() ? "UP" : "DOWN", status));
  }

  private void ready(Context ctx) {
    HealthStatus status = health();
    ctx.status(status.ready() ? 200 : 503).json(body(status.ready() ? "READY" : "NOT_READY", status));
  }

  private HealthStatus health() {
    Supplier<HealthStatus> h = health;
    return h != null ? h.get() : HealthStatus.of(streamsState.get());
  }

  private static Map<String, Object> body(String verdict, HealthStatus status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", verdict);
    body.put("streams", status.streams());
    if (!status.problems().isEmpty()) {
      body.put("problems", status.problems());
    }
    return body;
  }


  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get());
  }

  private void dashboard(Context ctx) throws IOException {
    try (InputStream page = ApiServer.class.getResourceAsStream("/dashboard/index.html")) {
      if (page == null) {
        throw new ApiError(404, "not_found", "The dashboard is not packaged with this build.");
      }
      ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(page.readAllBytes());
    }
  }

  // ---- athletes ----

  private AthleteDirectory directoryOrUnavailable() {
    AthleteDirectory d = directory;
    if (d == null) {
      throw ApiError.unavailable("Kafka Streams is starting.");
    }
    return d;
  }

  private void athlete(Context ctx, boolean alerts) {
    Caller caller = ctx.attribute(CALLER);
    String athleteId = ctx.pathParam("id");
    if (athleteId.isBlank() || athleteId.length() > MAX_ID_LENGTH) {
      throw caller.isAdmin() ? ApiError.notFound() : ApiError.forbidden();
    }
    AthleteDirectory.Lookup lookup = directoryOrUnavailable().find(athleteId);
    if (lookup instanceof AthleteDirectory.Elsewhere elsewhere) {
      forward(ctx, elsewhere.hostPort(), "/api/athletes/" + InstanceForwarder.segment(athleteId) + (alerts ? "/alerts" : ""));
    } else if (lookup instanceof AthleteDirectory.Unavailable unavailable) {
      throw ApiError.unavailable(unavailable.reason());
    } else if (lookup instanceof AthleteDirectory.Found found && caller.maySee(found.status().coachId())) {
      if (alerts) {
        List<AlertView> newestFirst = new ArrayList<>();
        for (ExertionAlert alert : found.recentAlerts()) {
          newestFirst.add(0, AlertView.of(alert).withAcknowledgements(found.acknowledgements()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("athleteId", athleteId);
        body.put("alerts", newestFirst);
        ctx.json(body);
      } else {
        ctx.json(AthleteView.of(found.status(), found.recentAlerts(), found.acknowledgements()));
      }
    } else {
      // Unknown, or another coach's athlete: a coach cannot tell the two apart.
      throw caller.isAdmin() && lookup instanceof AthleteDirectory.Unknown ? ApiError.notFound() : ApiError.forbidden();
    }
  }

  /** {@code GET /api/athletes/{id}/session?hours=N}: answered, forwarded and refused as {@link #athlete}. */
  private void session(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    String athleteId = ctx.pathParam("id");
    if (athleteId.isBlank() || athleteId.length() > MAX_ID_LENGTH) {
      throw caller.isAdmin() ? ApiError.notFound() : ApiError.forbidden();
    }
    AthleteDirectory d = directoryOrUnavailable();
    int hours = sessionHours(ctx.queryParam("hours"), d.sessionRetention());
    AthleteDirectory.Lookup lookup = d.session(athleteId, java.time.Duration.ofHours(hours));
    if (lookup instanceof AthleteDirectory.Elsewhere elsewhere) {
      forward(ctx, elsewhere.hostPort(), "/api/athletes/" + InstanceForwarder.segment(athleteId) + "/session?hours=" + hours);
    } else if (lookup instanceof AthleteDirectory.Unavailable unavailable) {
      throw ApiError.unavailable(unavailable.reason());
    } else if (lookup instanceof AthleteDirectory.Session found && caller.maySee(found.status().coachId())) {
      ctx.json(found.view());
    } else {
      throw caller.isAdmin() && lookup instanceof AthleteDirectory.Unknown ? ApiError.notFound() : ApiError.forbidden();
    }
  }

  /** The {@code hours} asked for: 3 when absent, a whole number from 1 to the retention's hours. */
  static int sessionHours(String asked, java.time.Duration retention) {
    int most = (int) Math.max(1, retention.toHours());
    if (asked == null || asked.isBlank()) {
      return Math.min(DEFAULT_SESSION_HOURS, most);
    }
    try {
      int hours = Integer.parseInt(asked.trim());
      if (hours >= 1 && hours <= most) {
        return hours;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiError(
        400,
        "bad_request",
        "hours must be a whole number from 1 to " + most
            + " (the session summary's retention, painguard.topology.summary-retention).");
  }

  private void forward(Context ctx, String hostPort, String path) {
    InstanceForwarder.refuseSecondHop(ctx);
    InstanceForwarder.relay(ctx, forwarder.get(hostPort, path, ctx.header("Authorization")));
  }

  private void episodes(Context ctx) throws IOException {
    Caller caller = ctx.attribute(CALLER);
    AthleteDirectory d = directoryOrUnavailable();
    boolean all = "true".equals(ctx.queryParam("all"));
    List<AthleteView> athletes = new ArrayList<>();
    boolean complete;
    try {
      AthleteDirectory.Listing local = d.localAthletes(caller, all, EPISODE_LIMIT);
      local.athletes().forEach(f -> athletes.add(AthleteView.of(f.status(), f.recentAlerts(), f.acknowledgements())));
      complete = !local.cut();
    } catch (IllegalStateException e) {
      throw ApiError.unavailable(e.getMessage());
    }
    boolean localOnly =
        "local".equals(ctx.queryParam("scope")) || ctx.header(InstanceForwarder.FORWARDED_HEADER) != null;
    if (!localOnly) {
      String path = "/api/athletes?scope=local" + (all ? "&all=true" : "");
      for (String other : d.otherInstances()) {
        Optional<InstanceForwarder.Answer> answer = forwarder.get(other, path, ctx.header("Authorization"));
        try {
          if (answer.isPresent() && answer.get().status() == 200) {
            EpisodeList theirs = json.readValue(answer.get().body(), EpisodeList.class);
            athletes.addAll(theirs.athletes());
            complete &= theirs.complete();
            continue;
          }
        } catch (IOException e) {
          // an instance of another version, perhaps: its athletes are missing, and we say so
        }
        complete = false;
      }
    }
    // Merged after the other instances answered, so the order holds across all of them.
    athletes.sort(Need.ORDER);
    boolean cut = athletes.size() > EPISODE_LIMIT;
    ctx.json(new EpisodeList(cut ? List.copyOf(athletes.subList(0, EPISODE_LIMIT)) : athletes, complete && !cut));
  }

  private void wording(Context ctx) {
    ctx.json(Wording.asJson(Map.of("needs", Need.labels())));
  }

  /**
   * The body of {@code GET /api/athletes}.
   *
   * @param complete false when another instance did not answer and its athletes are missing, or
   *     when more athletes matched than a listing holds
   */
  public record EpisodeList(List<AthleteView> athletes, boolean complete) {}


  @Override
  public void close() {
    if (javalin != null) {
      javalin.stop();
      javalin = null;
    }
  }
}
