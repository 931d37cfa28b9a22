package io.painguard.systemtest.hostile;

import io.painguard.events.ExertionAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Two runs' alerts matched by alertId and compared in full. Every field of {@link ExertionAlert}
 * counts (its Avro {@code equals}): none is derived from the wall clock -- an alert's eventTime and
 * its id come from its evidence, and its message and recommendation from the athlete's state -- so
 * two runs over the same records must agree on each. An id written twice in one run and once in the
 * other is a difference too.
 */
final class AlertComparison {

  private final Map<String, List<ExertionAlert>> reference;
  private final Map<String, List<ExertionAlert>> actual;
  private final Set<String> lost = new TreeSet<>();
  private final Set<String> extra = new TreeSet<>();
  private final Set<String> changed = new TreeSet<>();

  AlertComparison(List<ExertionAlert> referenceAlerts, List<ExertionAlert> actualAlerts) {
    this.reference = byId(referenceAlerts);
    this.actual = byId(actualAlerts);
    for (var e : reference.entrySet()) {
      List<ExertionAlert> other = actual.get(e.getKey());
      if (other == null) {
        lost.add(e.getKey());
      } else if (!Objects.equals(e.getValue(), other)) {
        changed.add(e.getKey());
      }
    }
    actual.keySet().stream().filter(id -> !reference.containsKey(id)).forEach(extra::add);
  }

  private static Map<String, List<ExertionAlert>> byId(List<ExertionAlert> alerts) {
    return alerts.stream().collect(Collectors.groupingBy(ExertionAlert::getAlertId, TreeMap::new, Collectors.toList()));
  }

  Set<String> lost() {
    return lost;
  }

  Set<String> extra() {
    return extra;
  }

  Set<String> changed() {
    return changed;
  }

  int differences() {
    return lost.size() + extra.size() + changed.size();
  }

  /** Reference alerts (by id) about any of these athletes. */
  long referenceAlertsFor(Set<String> athletes) {
    return reference.values().stream().flatMap(List::stream).filter(a -> athletes.contains(a.getAthleteId())).count();
  }

  /** The first differences, both sides, for a failure message. */
  String describe(int limit) {
    List<String> lines = new ArrayList<>();
    for (String id : lost) {
      lines.add("lost " + reference.get(id));
    }
    for (String id : extra) {
      lines.add("extra " + actual.get(id));
    }
    for (String id : changed) {
      lines.add("changed " + id + "\n    reference: " + reference.get(id) + "\n    hostile:   " + actual.get(id));
    }
    return lines.stream().limit(limit).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
