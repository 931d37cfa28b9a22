package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import io.painguard.events.SelfCare;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How messages put the contract's symbols into sentences, with the in-sentence words of the one
 * {@link Wording} table, so no enum name shows through ("Hiit", "otc pain relief").
 */
public final class Words {

  private Words() {}

  public static String of(ActivityType a) {
    return Wording.inSentence(a);
  }

  public static String of(Movement m) {
    return Wording.inSentence(m);
  }

  public static String of(PainSensation s) {
    return Wording.inSentence(s);
  }

  public static String of(Limb l) {
    return Wording.inSentence(l);
  }

  public static String of(RedFlag f) {
    return Wording.inSentence(f);
  }

  public static String of(SelfCare c) {
    return Wording.inSentence(c);
  }

  /** Every sign, red flags first (the more urgent), in the tables' words. */
  static List<String> signs(MedicalSigns signs) {
    List<String> out = new ArrayList<>();
    for (RedFlag f : signs.redFlags()) {
      out.add(of(f));
    }
    for (PainSensation s : signs.radiculopathySensations()) {
      out.add(of(s));
    }
    for (Limb l : signs.radiatesTo()) {
      out.add(of(l));
    }
    return out;
  }

  static List<String> movements(Collection<Movement> movements) {
    List<String> out = new ArrayList<>();
    for (Movement m : movements) {
      out.add(of(m));
    }
    return out;
  }

  /** "a", "a and b", "a, b and c"; "these signs" for none. */
  static String list(List<String> parts) {
    if (parts.isEmpty()) {
      return "these signs";
    } else if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** "14 days", "12 hours", "2 min". */
  static String duration(Duration d) {
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
    } else if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
    } else if (d.toSeconds() % 60 == 0) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
