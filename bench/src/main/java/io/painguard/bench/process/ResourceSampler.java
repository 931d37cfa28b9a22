package io.painguard.bench.process;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.painguard.bench.result.ResourceUsage;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap and reports peaks, GC and CPU time, and the kernel's RSS high-water mark.
 * Occupancy is sampled every 100 ms (short peaks between two samples are missed); the live figure
 * is the heap in use right after each collection, as the GC reports it.
 */
public final class ResourceSampler implements AutoCloseable {

  private static final long INTERVAL_MILLIS = 100;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bench-resource-sampler");
            t.setDaemon(true);
            return t;
          });
  private final Set<String> heapPoolNames =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final NotificationListener listener = this::afterCollection;
  private long peakUsed;
  private long peakLive;
  private long measuredLive;

  public ResourceSampler start() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
    timer.scheduleAtFixedRate(this::sample, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Heap in use right after each collection, young ones included: what survived is live data. */
  private void afterCollection(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long live = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPoolNames.contains(pool.getKey())) {
        live += pool.getValue().getUsed();
      }
    }
    synchronized (this) {
      peakLive = Math.max(peakLive, live);
    }
  }

  /** The figures so far (takes a sample first). */
  public synchronized ResourceUsage snapshot() {
    sample();
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return new ResourceUsage(
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax(),
        peakUsed,
        peakLive,
        measuredLive,
        rssHighWaterMark(Path.of("/proc/self/status")),
        gcCount,
        gcMillis,
        processCpuMillis());
  }

  /**
   * Runs a full collection and keeps the heap left in use as the live data (the largest such
   * measurement counts). Stops the world for a moment: only between phases.
   */
  public synchronized void measureLive() {
    System.gc();
    measuredLive = Math.max(measuredLive, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  private synchronized void sample() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    peakUsed = Math.max(peakUsed, used);
  }

  /** {@code VmHWM} of a {@code /proc/<pid>/status} file in bytes, 0 when unreadable (not Linux). */
  public static long rssHighWaterMark(Path status) {
    return statusField(status, "VmHWM:");
  }

  /** {@code VmRSS} (current resident set) of a {@code /proc/<pid>/status} file in bytes, or 0. */
  public static long rss(Path status) {
    return statusField(status, "VmRSS:");
  }

  static long statusField(Path status, String field) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(field)) {
          String[] parts = line.substring(field.length()).trim().split("\\s+");
          long value = Long.parseLong(parts[0]);
          return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or the process is gone: the figure is simply not available.
    }
    return 0;
  }

  private static long processCpuMillis() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? 0 : nanos / 1_000_000;
    }
    return 0;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (ListenerNotFoundException e) {
          // Never added (start() not called).
        }
      }
    }
  }
}
