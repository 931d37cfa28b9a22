package io.painguard.rules;

import io.painguard.events.RedFlag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a referral alert says: the first thing to do, in one sentence a coach can read out, naming
 * the signs. No heart-rate target, no percentage, no workout (DOMAIN 3, 4). Coaching, not a
 * diagnosis.
 */
final class ReferralMessages {

  /** How an urgent referral begins; {@link FirstStep} tells urgent ones by it. */
  static final String URGENT = "Get medical care today, before any training";

  private static final String BEFORE_TRAINING = "See a healthcare provider before training again";

  private ReferralMessages() {}

  static String raised(MedicalSigns signs) {
    if (urgent(signs)) {
      return URGENT + ": back pain with "
          + Words.list(Words.signs(signs))
          + " can be an emergency.";
    } else if (signs.redFlag()) {
      return BEFORE_TRAINING + ": back pain with "
          + Words.list(Words.signs(signs))
          + " needs a medical check.";
    }
    return BEFORE_TRAINING + ": "
        + Words.list(Words.signs(signs))
        + " can mean a nerve is involved.";
  }

  static String updated(MedicalSigns news, MedicalSigns all) {
    // The referral is as urgent as its most urgent sign, whichever report brought it.
    String first = urgent(all) ? URGENT : BEFORE_TRAINING;
    return first + ": " + Words.list(Words.signs(news)) + " reported since the referral opened"
        + (urgent(news) ? " can be an emergency." : ", on top of " + Words.list(others(all, news)) + ".");
  }

  static String closedPainGone(MedicalSigns signs) {
    return "Referral closed: the athlete reported the pain gone. At any return of "
        + Words.list(Words.signs(signs))
        + ", see a healthcare provider before training.";
  }

  static String closedAfterLimit(MedicalSigns signs, Duration after) {
    return "Referral closed after "
        + Words.duration(after)
        + " without "
        + Words.list(Words.signs(signs))
        + " reported again; this is not a medical check. At any return of them, see a healthcare"
        + " provider before training.";
  }

  /** Standard clinical red flags for cauda equina syndrome: an emergency, not an appointment. */
  private static boolean urgent(MedicalSigns signs) {
    return signs.redFlags().contains(RedFlag.SADDLE_NUMBNESS)
        || signs.redFlags().contains(RedFlag.BLADDER_OR_BOWEL_CHANGE);
  }

  private static List<String> others(MedicalSigns all, MedicalSigns news) {
    List<String> out = new ArrayList<>(Words.signs(all));
    out.removeAll(Words.signs(news));
    return out;
  }
}
