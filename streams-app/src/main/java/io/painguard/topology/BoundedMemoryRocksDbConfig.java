package io.painguard.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the native memory of every RocksDB store of the JVM together. Kafka Streams' default gives
 * each store its own 50 MiB block cache and up to three 16 MiB memtables; PainGuard has two stores
 * per task and one task per input partition, so with 6 partitions that is up to 12 x 98 MiB --
 * the difference between an app that fits in 1 GiB of RSS and one that does not.
 *
 * <p>Here all stores share one LRU block cache of {@value #TOTAL_BYTES_CONFIG} bytes (default
 * {@value #DEFAULT_TOTAL_BYTES}), and memtables are charged to that same cache through a write
 * buffer manager capped at {@value #MEMTABLE_BYTES_CONFIG} (default {@value
 * #DEFAULT_MEMTABLE_BYTES}); index and filter blocks live in the cache too, with high priority.
 * Both numbers come from the Kafka Streams configuration map, so they are set like any other
 * setting: {@code rocksdb.config.setter=io.painguard.topology.BoundedMemoryRocksDbConfig}.
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

  public static final String TOTAL_BYTES_CONFIG = "painguard.rocksdb.total-bytes";
  public static final String MEMTABLE_BYTES_CONFIG = "painguard.rocksdb.memtable-bytes";
  public static final long DEFAULT_TOTAL_BYTES = 64L * 1024 * 1024;
  public static final long DEFAULT_MEMTABLE_BYTES = 16L * 1024 * 1024;

  /** Share of the cache kept for index and filter blocks (high priority). */
  private static final double HIGH_PRIORITY_RATIO = 0.1;
  private static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
  private static final int MEMTABLES = 2;
  private static final long BLOCK_SIZE = 8L * 1024;

  // One cache and one write buffer manager for every store of the JVM: they must outlive each
  // store, so close() below leaves them alone.
  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    ensureShared(configs);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    table.setBlockSize(BLOCK_SIZE);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(writeBuffers);
    options.setWriteBufferSize(MEMTABLE_SIZE);
    options.setMaxWriteBufferNumber(MEMTABLES);
  }

  @Override
  public void close(String storeName, Options options) {
    // The shared cache and write buffer manager stay open for the other stores.
  }

  private static synchronized void ensureShared(Map<String, Object> configs) {
    if (cache == null) {
      long total = bytes(configs, TOTAL_BYTES_CONFIG, DEFAULT_TOTAL_BYTES);
      long memtables = Math.min(total / 2, bytes(configs, MEMTABLE_BYTES_CONFIG, DEFAULT_MEMTABLE_BYTES));
      cache = new LRUCache(total, -1, false, HIGH_PRIORITY_RATIO);
      writeBuffers = new WriteBufferManager(memtables, cache);
    }
  }

  /**
   * Checks the two sizes up front, so a wrong one stops the start with one sentence rather than
   * failing a stream thread when its first store opens.
   *
   * @throws IllegalArgumentException naming the key and the value
   */
  public static void validate(Map<?, ?> configs) {
    Map<String, Object> view = new java.util.HashMap<>();
    configs.forEach((k, v) -> view.put(String.valueOf(k), v));
    bytes(view, TOTAL_BYTES_CONFIG, DEFAULT_TOTAL_BYTES);
    bytes(view, MEMTABLE_BYTES_CONFIG, DEFAULT_MEMTABLE_BYTES);
  }

  static long bytes(Map<String, Object> configs, String key, long fallback) {
    Object value = configs.get(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    try {
      long bytes = Long.parseLong(value.toString().trim());
      if (bytes < 1024 * 1024) {
        throw new NumberFormatException();
      }
      return bytes;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number of bytes of at least 1 MiB, got '" + value + "'.");
    }
  }
}
