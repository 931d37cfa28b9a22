package io.painguard.runtime.http;

/**
 * Who is asking: an admin, who sees every athlete, or a coach, who sees the athletes whose profile
 * names them.
 *
 * @param coachId the coach's id; null for an admin
 */
public record Caller(String coachId) {

  public static final Caller ADMIN = new Caller(null);

  public static Caller coach(String coachId) {
    if (coachId == null || coachId.isBlank()) {
      throw new IllegalArgumentException("a coach needs an id");
    }
    return new Caller(coachId);
  }

  public boolean isAdmin() {
    return coachId == null;
  }

  /** Whether this caller may see an athlete whose profile names {@code athleteCoachId}. */
  public boolean maySee(String athleteCoachId) {
    return isAdmin() || coachId.equals(athleteCoachId);
  }

  /** For logs: the role and coach id, never the token. */
  @Override
  public String toString() {
    return isAdmin() ? "admin" : "coach " + coachId;
  }
}
