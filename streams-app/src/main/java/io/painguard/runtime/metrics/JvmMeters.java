package io.painguard.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM's and the process's meters, from Micrometer's own binders: memory and buffer pools
 * ({@code jvm_memory_*}, {@code jvm_buffer_*}), garbage collection ({@code jvm_gc_*}, with {@code
 * jvm_gc_overhead} and {@code jvm_memory_usage_after_gc} from the heap-pressure binder), threads
 * ({@code jvm_threads_*}), classes ({@code jvm_classes_*}), the JVM's version ({@code jvm_info}),
 * CPU ({@code system_cpu_*}, {@code process_cpu_*}), uptime ({@code process_uptime_seconds},
 * {@code process_start_time_seconds}), open files ({@code process_files_*}, where the OS tells) and
 * the free space of the Kafka Streams state directory ({@code disk_free_bytes{path}}, {@code
 * disk_total_bytes{path}}): RocksDB on a full disk stops the app.
 */
final class JvmMeters implements AutoCloseable {

  // The two that listen to GC notifications hold listeners until closed.
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();

  JvmMeters bindTo(MeterRegistry registry) {
    List<MeterBinder> binders =
        List.of(
            new JvmMemoryMetrics(),
            gc,
            heapPressure,
            new JvmThreadMetrics(),
            new ClassLoaderMetrics(),
            new JvmInfoMetrics(),
            new ProcessorMetrics(),
            new UptimeMetrics(),
            new FileDescriptorMetrics());
    binders.forEach(binder -> binder.bindTo(registry));
    return this;
  }

  /** Adds the free and total space of the file system that holds {@code stateDir}. */
  static void stateDirectory(MeterRegistry registry, Path stateDir) {
    File dir = stateDir.toAbsolutePath().toFile();
    new DiskSpaceMetrics(dir).bindTo(registry);
  }

  @Override
  public void close() {
    gc.close();
    heapPressure.close();
  }
}
