package io.painguard.systemtest.support;

/** Reading one sample from an app's Prometheus text ({@code GET /metrics}). */
public final class Metrics {

  private Metrics() {}

  /**
   * The value of the sample whose name and labels start with {@code prefix} (e.g. {@code
   * painguard_dlq_records_total{reason="UNDECODABLE"}}), or NaN when there is none.
   */
  public static double value(String scrape, String prefix) {
    for (String line : scrape.lines().toList()) {
      if (!line.startsWith("#") && line.startsWith(prefix)) {
        String[] parts = line.trim().split(" ");
        return Double.parseDouble(parts[parts.length - 1]);
      }
    }
    return Double.NaN;
  }
}
