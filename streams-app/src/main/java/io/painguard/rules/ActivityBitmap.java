package io.painguard.rules;

/**
 * Which 10-second buckets of the last ~10 minutes held activity beyond rest: enough to tell whether
 * a pain report that arrives late (up to the 5-minute grace) was made during ongoing activity,
 * in 16 bytes.
 */
final class ActivityBitmap {

  static final long BUCKET_MILLIS = 10_000;
  private static final long NONE = Long.MIN_VALUE;

  /** Bucket number (epoch millis / 10 s) of bit 0. */
  private long newestBucket = NONE;
  /** Bit i: bucket {@code newestBucket - i} had activity. */
  private long bits;

  ActivityBitmap() {}

  ActivityBitmap(long newestBucket, long bits) {
    this.newestBucket = newestBucket;
    this.bits = bits;
  }

  long newestBucket() {
    return newestBucket;
  }

  long bits() {
    return bits;
  }

  void mark(long timeMillis) {
    long bucket = Math.floorDiv(timeMillis, BUCKET_MILLIS);
    if (newestBucket == NONE || bucket - newestBucket >= 64) {
      newestBucket = bucket;
      bits = 1L;
      return;
    }
    if (bucket > newestBucket) {
      bits <<= (int) (bucket - newestBucket);
      newestBucket = bucket;
    }
    long age = newestBucket - bucket;
    if (age < 64) {
      bits |= 1L << age;
    }
  }

  /** True when any bucket overlapping [fromMillis, toMillis] held activity. */
  boolean anyBetween(long fromMillis, long toMillis) {
    if (newestBucket == NONE) {
      return false;
    }
    long first = Math.floorDiv(fromMillis, BUCKET_MILLIS);
    long last = Math.floorDiv(toMillis, BUCKET_MILLIS);
    for (long b = Math.max(first, newestBucket - 63); b <= Math.min(last, newestBucket); b++) {
      if ((bits & (1L << (newestBucket - b))) != 0) {
        return true;
      }
    }
    return false;
  }
}
