package io.painguard.bench.result;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of the performance targets, judged on this run.
 *
 * @param name what is measured
 * @param goal the target, in words
 * @param measured the figure of this run, in words
 * @param met true or false; null when this run cannot tell (e.g. a comparison needing another run)
 */
public record Target(String name, String goal, String measured, Boolean met) {

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String verdict() {
    return met == null ? "n/a" : met ? "met" : "NOT met";
  }
}
