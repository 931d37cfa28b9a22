package io.painguard.bench.result;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One of the performance targets, judged on this run.
 *
 * @param name what is measured
 * @param goal the target, in words
 * @param measured the figure of this run (median, and range over the runs), in words
 * @param met true or false by the median; null when this run cannot tell (e.g. the population
 *     comparison outside its own mode)
 * @param everyRun whether every run agrees with the median's verdict; null for a figure measured
 *     once (memory peaks)
 */
public record Target(String name, String goal, String measured, Boolean met, Boolean everyRun) {

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String verdict() {
    if (met == null) {
      return "n/a";
    }
    return (met ? "met" : "NOT met") + (Boolean.FALSE.equals(everyRun) ? " (within noise)" : "");
  }
}
