package dev.commentmoderation.state;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The off-heap memory of all the Kafka Streams state stores of one instance (RocksDB), bounded: see
 * {@link BoundedMemoryRocksDbConfig}. It comes on top of the JVM heap, so a pod's memory limit must hold both.
 *
 * @param blockCacheSize the one block cache every store shares; the memtables are charged to it, so this is the
 * RocksDB total
 * @param writeBufferSize the part of the block cache the memtables of all stores may take; smaller than it
 * @param strictCapacityLimit RocksDB fails a read or write that would take the cache over its capacity (the stream
 * thread then stops and the instance restarts) instead of going over it for a while
 */
@ConfigurationProperties("moderation.state.rocksdb")
public record RocksDbMemoryProperties(@DefaultValue("64MB") DataSize blockCacheSize,
		@DefaultValue("16MB") DataSize writeBufferSize, @DefaultValue("false") boolean strictCapacityLimit) {

	public RocksDbMemoryProperties {
		if (blockCacheSize == null || blockCacheSize.toBytes() <= 0) {
			throw new IllegalArgumentException("moderation.state.rocksdb.block-cache-size must be positive, got "
					+ blockCacheSize);
		}
		if (writeBufferSize == null || writeBufferSize.toBytes() <= 0) {
			throw new IllegalArgumentException("moderation.state.rocksdb.write-buffer-size must be positive, got "
					+ writeBufferSize);
		}
		if (writeBufferSize.toBytes() >= blockCacheSize.toBytes()) {
			throw new IllegalArgumentException("moderation.state.rocksdb.write-buffer-size (" + writeBufferSize
					+ ") must be smaller than moderation.state.rocksdb.block-cache-size (" + blockCacheSize
					+ "): the memtables are charged to the block cache");
		}
	}

}
