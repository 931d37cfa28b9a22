package io.painguard.simulator.scenario;

/** A scenario that cannot be used; the message is one sentence naming file, line and field. */
public final class ScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String field;

  public ScenarioException(String source, int line, String field, String problem) {
    super(format(source, line, field, problem));
    this.source = source;
    this.line = line;
    this.field = field;
  }

  /** A problem with the scenario as a whole (not found, unreadable). */
  public ScenarioException(String message) {
    super(message);
    this.source = null;
    this.line = 0;
    this.field = "";
  }

  /** Where the scenario came from: a file path or "scenario 'name'" for a shipped one. */
  public String source() {
    return source;
  }

  /** 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }

  /** The field in dotted form, such as {@code athletes[0].painReports[1].level}; "" for the file. */
  public String field() {
    return field;
  }

  private static String format(String source, int line, String field, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(", line ").append(line);
    }
    if (field != null && !field.isEmpty()) {
      sb.append(", field ").append(field);
    }
    return sb.append(": ").append(problem).toString();
  }
}
