package io.painguard.systemtest.support;

import io.painguard.events.ExertionAlert;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A run's alerts set against the reference run's, by id and by content: every field of every
 * alert (ExertionAlert's own equality covers them all; none is taken from the wall clock -- an
 * alert's eventTime and id come from its evidence, its message and recommendation from the
 * athlete's state), and an id written twice counts as a difference.
 */
public record AlertComparison(
    int read, Set<String> duplicates, Set<String> lost, Set<String> changed, Set<String> extra) {

  public static AlertComparison of(List<ExertionAlert> reference, List<ExertionAlert> actual) {
    Map<String, ExertionAlert> expected = byId(reference);
    Map<String, Long> counts = actual.stream()
        .collect(Collectors.groupingBy(ExertionAlert::getAlertId, Collectors.counting()));
    Set<String> duplicates = counts.entrySet().stream().filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    Set<String> lost = new TreeSet<>(expected.keySet());
    lost.removeAll(counts.keySet());
    Set<String> extra = new TreeSet<>(counts.keySet());
    extra.removeAll(expected.keySet());
    Set<String> changed = actual.stream()
        .filter(a -> expected.containsKey(a.getAlertId()) && !expected.get(a.getAlertId()).equals(a))
        .map(ExertionAlert::getAlertId)
        .collect(Collectors.toCollection(TreeSet::new));
    return new AlertComparison(actual.size(), duplicates, lost, changed, extra);
  }

  /**
   * The changed alerts whose difference goes beyond their {@code observed} evidence summary: a
   * different decision, message, recommendation or time. A live feed's pain report can reach its
   * task before samples produced ahead of it (another topic's partition fetched a moment later),
   * and an alert raised on the report then sums the samples held at that moment -- the README's
   * "Time and ordering" says so; the decision and its id do not change.
   */
  public Set<String> changedBeyondEvidence(List<ExertionAlert> reference, List<ExertionAlert> actual) {
    Map<String, ExertionAlert> expected = byId(reference);
    return actual.stream()
        .filter(a -> changed.contains(a.getAlertId()))
        .filter(a -> expected.get(a.getAlertId()).getSchema().getFields().stream()
            .filter(f -> !f.name().equals("observed"))
            .anyMatch(f -> !Objects.equals(expected.get(a.getAlertId()).get(f.pos()), a.get(f.pos()))))
        .map(ExertionAlert::getAlertId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  public boolean identical() {
    return count() == 0;
  }

  /** Alerts lost, changed, extra or written twice. */
  public int count() {
    return duplicates.size() + lost.size() + changed.size() + extra.size();
  }

  /** One line per athlete that differs: the reference's alerts, then this run's; then each changed field. */
  public String describe(List<ExertionAlert> reference, List<ExertionAlert> actual) {
    Set<String> ids = new TreeSet<>();
    ids.addAll(lost);
    ids.addAll(changed);
    ids.addAll(extra);
    ids.addAll(duplicates);
    Set<String> athletes = new TreeSet<>();
    reference.stream().filter(a -> ids.contains(a.getAlertId())).forEach(a -> athletes.add(a.getAthleteId()));
    actual.stream().filter(a -> ids.contains(a.getAlertId())).forEach(a -> athletes.add(a.getAthleteId()));
    Map<String, ExertionAlert> expected = byId(reference);
    String fields = actual.stream().filter(a -> changed.contains(a.getAlertId()))
        .map(a -> "changed " + a.getAlertId() + ": " + fieldsThatDiffer(expected.get(a.getAlertId()), a))
        .collect(Collectors.joining("\n"));
    return athletes.stream()
        .map(athlete -> "athlete " + athlete + "\n  reference: " + describe(reference, athlete)
            + "\n  this run:  " + describe(actual, athlete))
        .collect(Collectors.joining("\n")) + (fields.isEmpty() ? "" : "\n" + fields);
  }

  /** Each field whose value differs, as {@code name: reference -> this run}. */
  private static String fieldsThatDiffer(ExertionAlert expected, ExertionAlert actual) {
    return expected.getSchema().getFields().stream()
        .filter(f -> !Objects.equals(expected.get(f.pos()), actual.get(f.pos())))
        .map(f -> f.name() + ": " + expected.get(f.pos()) + " -> " + actual.get(f.pos()))
        .collect(Collectors.joining("; "));
  }

  private static String describe(List<ExertionAlert> alerts, String athlete) {
    return alerts.stream().filter(a -> a.getAthleteId().equals(athlete))
        .sorted(Comparator.comparing(ExertionAlert::getEventTime))
        .map(a -> a.getState() + " " + a.getSeverity() + " " + a.getReasons() + " @" + a.getEventTime()
            + " \"" + a.getRecommendation().getMessage() + "\"")
        .collect(Collectors.joining("; "));
  }

  private static Map<String, ExertionAlert> byId(List<ExertionAlert> alerts) {
    return alerts.stream().collect(Collectors.toMap(
        ExertionAlert::getAlertId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
