package io.painguard.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.painguard.events.ExertionAlert;
import io.painguard.topology.Acknowledgement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/athletes/{id}/alerts/{alertId}/acknowledgements} with {@code {"note": "..."}}:
 * a coach (or an admin) acknowledges one of the athlete's recent alerts.
 *
 * <p>The same 403/404/503 rules and forwarding to the owning instance as {@code GET
 * /api/athletes/{id}}; 404 {@code unknown_alert} when the alert is not among the athlete's recent
 * alerts; 400 when the body is not a JSON object or the note (trimmed, optional) is over 280
 * characters or holds a control character. The acknowledgement names the caller from the token --
 * never from the body -- and is written to the acknowledgements topic; once the broker has it, the
 * answer waits (at most {@link #READ_YOUR_WRITES}) until the owner's store shows it, so a GET
 * right after sees it: 201 then, else 202. Both carry the acknowledgement. The note is never
 * logged.
 */
final class AcknowledgementRoute {

  static final String PATH = "/api/athletes/{id}/alerts/{alertId}/acknowledgements";

  /** How long an answer waits for the acknowledgement to be readable (contract: about 5 s). */
  static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementRoute.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final InstanceForwarder forwarder;
  private final ObjectMapper json;
  private final Clock clock;
  private final int maxIdLength;
  private volatile AcknowledgementLog log;

  AcknowledgementRoute(InstanceForwarder forwarder, ObjectMapper json, Clock clock, int maxIdLength) {
    this.forwarder = forwarder;
    this.json = json;
    this.clock = clock;
    this.maxIdLength = maxIdLength;
  }

  /** Where acknowledgements are written; until set, the route answers 503. */
  void log(AcknowledgementLog log) {
    this.log = log;
  }

  void handle(Context ctx, Caller caller, AthleteDirectory directory) {
    String athleteId = ctx.pathParam("id");
    String alertId = ctx.pathParam("alertId");
    if (athleteId.isBlank() || athleteId.length() > maxIdLength) {
      throw caller.isAdmin() ? ApiError.notFound() : ApiError.forbidden();
    }
    String note = note(ctx.body());
    AthleteDirectory.Lookup lookup = directory.find(athleteId);
    if (lookup instanceof AthleteDirectory.Elsewhere elsewhere) {
      forward(ctx, elsewhere.hostPort(), athleteId, alertId);
    } else if (lookup instanceof AthleteDirectory.Unavailable unavailable) {
      throw ApiError.unavailable(unavailable.reason());
    } else if (lookup instanceof AthleteDirectory.Found found && caller.maySee(found.status().coachId())) {
      if (alertId.isBlank() || alertId.length() > maxIdLength
          || found.recentAlerts().stream().map(ExertionAlert::getAlertId).noneMatch(alertId::equals)) {
        throw new ApiError(404, "unknown_alert", "This athlete has no recent alert with this id.");
      }
      Acknowledgement ack =
          new Acknowledgement(
              alertId,
              caller.isAdmin() ? Acknowledgement.ADMIN : caller.coachId(),
              Instant.ofEpochMilli(clock.millis()),
              note);
      write(athleteId, ack);
      boolean readable = awaitReadable(directory, athleteId, ack);
      if (!readable) {
        LOG.warn("Acknowledgement of alert {} of athlete {} is written but not yet readable after {} s",
            alertId, athleteId, READ_YOUR_WRITES.toSeconds());
      }
      ctx.status(readable ? 201 : 202).json(AcknowledgementView.of(ack));
    } else {
      throw caller.isAdmin() && lookup instanceof AthleteDirectory.Unknown ? ApiError.notFound() : ApiError.forbidden();
    }
  }

  /** The trimmed note of a body such as {@code {"note": "spoke to her"}}; null when none. */
  private String note(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw badRequest("The body must be a JSON object such as {\"note\": \"spoke to her\"}.");
    }
    if (tree == null || !tree.isObject()) {
      throw badRequest("The body must be a JSON object such as {\"note\": \"spoke to her\"}.");
    }
    JsonNode note = tree.get("note");
    if (note == null || note.isNull()) {
      return null;
    }
    if (!note.isTextual()) {
      throw badRequest("note must be a string.");
    }
    String trimmed = note.asText().strip();
    Optional<String> problem = Acknowledgement.noteProblem(trimmed);
    if (problem.isPresent()) {
      throw badRequest(problem.get());
    }
    return trimmed.isEmpty() ? null : trimmed;
  }

  private void write(String athleteId, Acknowledgement ack) {
    AcknowledgementLog target = log;
    if (target == null) {
      throw ApiError.unavailable("Acknowledgements cannot be written yet (starting).");
    }
    try {
      target.append(ack.toRecord(athleteId));
    } catch (IllegalStateException e) {
      throw ApiError.unavailable(e.getMessage());
    }
  }

  /** Whether the owner's store shows the acknowledgement within {@link #READ_YOUR_WRITES}. */
  private static boolean awaitReadable(AthleteDirectory directory, String athleteId, Acknowledgement ack) {
    long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
    do {
      if (directory.find(athleteId) instanceof AthleteDirectory.Found found
          && found.acknowledgements().all().contains(ack)) {
        return true;
      }
      LockSupport.parkNanos(POLL_NANOS);
    } while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted());
    return false;
  }

  private void forward(Context ctx, String hostPort, String athleteId, String alertId) {
    InstanceForwarder.refuseSecondHop(ctx);
    String path = "/api/athletes/" + InstanceForwarder.segment(athleteId) + "/alerts/"
        + InstanceForwarder.segment(alertId) + "/acknowledgements";
    InstanceForwarder.relay(ctx, forwarder.post(hostPort, path, ctx.header("Authorization"), ctx.body(), READ_YOUR_WRITES));
  }

  private static ApiError badRequest(String sentence) {
    return new ApiError(400, "bad_request", sentence);
  }
}
