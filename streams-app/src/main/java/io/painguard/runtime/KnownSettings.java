package io.painguard.runtime;

import io.painguard.rules.GuidanceSettings;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.topology.TopologySettings;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@code painguard.*} setting the app reads (runtime, topics and topology, rules, health), for
 * mapping environment variables to keys and for checking deployment files against them.
 */
public final class KnownSettings {

  private KnownSettings() {}

  public static Set<String> painguardKeys() {
    Set<String> keys = new TreeSet<>(RuntimeSettings.DEFAULTS.keySet());
    keys.addAll(GuidanceSettings.defaults().toProperties().keySet());
    keys.addAll(TopologySettings.defaults().toProperties().keySet());
    keys.addAll(io.painguard.runtime.health.HealthSettings.defaultProperties().keySet());
    keys.addAll(io.painguard.topology.SerdeChoice.defaults().keySet());
    return keys;
  }
}
