package dev.commentmoderation.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Kafka Streams' bounded-memory pattern for RocksDB: every store of the process (all partitions, all segments of
 * the windowed stores) shares one block cache, the memtables are charged to that same cache through one write
 * buffer manager, and index and filter blocks live in it too. Off-heap memory is then about the cache's capacity,
 * however many stores a pod ends up with; without this, each store instance gets its own 50 MB cache and 3 x 16 MB
 * memtables, and a pod with six partitions' worth of stores outgrows its memory limit.
 * <p>
 * Kafka Streams creates this class by reflection (the {@code rocksdb.config.setter} property) and hands it the
 * streams properties, where {@link StateConfiguration} puts the sizes.
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

	/** Streams property: the shared block cache's capacity in bytes, memtables included. */
	public static final String BLOCK_CACHE_BYTES = "moderation.state.rocksdb.block-cache-bytes";

	/** Streams property: the part of the cache the memtables of all stores may take, in bytes. */
	public static final String WRITE_BUFFER_BYTES = "moderation.state.rocksdb.write-buffer-bytes";

	/** Streams property: whether the cache refuses an insert beyond its capacity (else it goes over it). */
	public static final String STRICT_CAPACITY_LIMIT = "moderation.state.rocksdb.strict-capacity-limit";

	/** Index and filter blocks are cached with high priority, in this share of the cache (Kafka's example). */
	private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

	/**
	 * One cache per size for the life of the process, shared by every store and never closed: a store closing
	 * must not free memory the others use. Keyed by size so that two Kafka Streams clients with different settings
	 * in one JVM (tests) each get what they asked for.
	 */
	private static final Map<Sizes, Shared> SHARED = new ConcurrentHashMap<>();

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		Shared shared = shared(sizes(configs));
		BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
		table.setBlockCache(shared.cache());
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		options.setWriteBufferManager(shared.writeBufferManager());
		options.setTableFormatConfig(table);
	}

	@Override
	public void close(String storeName, Options options) {
		// The cache and the write buffer manager are shared by every store: see SHARED.
	}

	/** The cache and write buffer manager every store with these sizes shares. */
	static Shared shared(Sizes sizes) {
		return SHARED.computeIfAbsent(sizes, Shared::new);
	}

	static Sizes sizes(Map<String, ?> configs) {
		return new Sizes(bytes(configs, BLOCK_CACHE_BYTES), bytes(configs, WRITE_BUFFER_BYTES),
				Boolean.parseBoolean(String.valueOf(configs.get(STRICT_CAPACITY_LIMIT))));
	}

	private static long bytes(Map<String, ?> configs, String name) {
		Object value = configs.get(name);
		if (value == null) {
			throw new IllegalStateException(name + " is not set: " + BoundedMemoryRocksDbConfig.class.getName()
					+ " needs it in the streams properties (see StateConfiguration)");
		}
		return Long.parseLong(value.toString());
	}

	/**
	 * @param blockCacheBytes the capacity of the one cache, memtables included
	 * @param writeBufferBytes how much of it the memtables may take before the largest is flushed
	 * @param strictCapacityLimit whether an insert beyond the capacity fails rather than overshoots
	 */
	record Sizes(long blockCacheBytes, long writeBufferBytes, boolean strictCapacityLimit) {

		Sizes {
			if (blockCacheBytes <= 0 || writeBufferBytes <= 0 || writeBufferBytes >= blockCacheBytes) {
				throw new IllegalArgumentException("the block cache (" + blockCacheBytes
						+ " bytes) must be positive and larger than the write buffers (" + writeBufferBytes + ")");
			}
		}

	}

	record Shared(Cache cache, WriteBufferManager writeBufferManager) {

		Shared(Sizes sizes) {
			this(new LRUCache(sizes.blockCacheBytes(), -1, sizes.strictCapacityLimit(), HIGH_PRIORITY_POOL_RATIO),
					sizes);
		}

		private Shared(Cache cache, Sizes sizes) {
			this(cache, new WriteBufferManager(sizes.writeBufferBytes(), cache));
		}

	}

}
