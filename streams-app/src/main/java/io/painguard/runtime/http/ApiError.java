package io.painguard.runtime.http;

/** An API answer other than 200, rendered as {@code {"error": code, "message": message}}. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError unauthorized() {
    return new ApiError(401, "unauthorized", "Send a valid token: Authorization: Bearer TOKEN.");
  }

  /** The one refusal for another coach's athlete and for an unknown athlete alike. */
  static ApiError forbidden() {
    return new ApiError(403, "forbidden", "This athlete is not visible to you.");
  }

  static ApiError notFound() {
    return new ApiError(404, "not_found", "No athlete with this id has been seen.");
  }

  static ApiError unavailable(String why) {
    return new ApiError(503, "unavailable", why);
  }
}
