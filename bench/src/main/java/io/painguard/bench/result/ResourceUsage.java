package io.painguard.bench.result;

/**
 * What one JVM (the app, a baseline copier, the broker) used. Heap figures come from the JVM's own
 * memory beans, sampled every 100 ms; RSS from the kernel ({@code VmHWM} in {@code
 * /proc/<pid>/status}, the resident-set high-water mark: heap, metaspace, thread stacks, direct
 * buffers and RocksDB's native memory alike).
 *
 * @param heapMaxBytes the {@code -Xmx} the JVM ran with
 * @param heapPeakUsedBytes highest heap occupancy sampled, garbage included (what the GC let grow)
 * @param heapPeakAfterGcBytes highest heap occupancy right after a collection, young ones
 *     included: an upper bound of the live data (old-generation garbage waits for a mixed or full
 *     collection)
 * @param heapLiveBytes heap occupancy after a full collection the bench asked for at the end of the
 *     throughput phase, with every athlete in the store: the live data; 0 when not measured
 * @param rssPeakBytes resident-set high-water mark, 0 where the kernel does not tell
 * @param gcCount collections so far
 * @param gcMillis time spent in collections (pauses and concurrent work as the beans report it)
 * @param cpuMillis CPU time of the whole process, all threads
 */
public record ResourceUsage(
    long heapMaxBytes,
    long heapPeakUsedBytes,
    long heapPeakAfterGcBytes,
    long heapLiveBytes,
    long rssPeakBytes,
    long gcCount,
    long gcMillis,
    long cpuMillis) {

  public static final ResourceUsage NONE = new ResourceUsage(0, 0, 0, 0, 0, 0, 0, 0);

  /** CPU and GC spent between {@code earlier} and this snapshot; peaks are kept from this one. */
  public ResourceUsage since(ResourceUsage earlier) {
    return new ResourceUsage(
        heapMaxBytes,
        heapPeakUsedBytes,
        heapPeakAfterGcBytes,
        heapLiveBytes,
        rssPeakBytes,
        gcCount - earlier.gcCount,
        gcMillis - earlier.gcMillis,
        cpuMillis - earlier.cpuMillis);
  }

  public static double mib(long bytes) {
    return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
  }
}
