package dev.commentmoderation.state;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedMemoryRocksDbConfigTests {

	@Nested
	class EveryStore {

		@Test
		void sharesOneWriteBufferManagerChargedToTheOneCache() {
			Map<String, Object> configs = configs(8 << 20, 2 << 20);
			try (Options first = asKafkaStreamsOpensIt(); Options second = asKafkaStreamsOpensIt()) {
				new BoundedMemoryRocksDbConfig().setConfig("a", first, configs);
				new BoundedMemoryRocksDbConfig().setConfig("b", second, configs);

				assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager())
					.isSameAs(BoundedMemoryRocksDbConfig.shared(BoundedMemoryRocksDbConfig.sizes(configs))
						.writeBufferManager());
			}
		}

		@Test
		void keepsItsIndexAndFilterBlocksInTheCache() {
			try (Options options = asKafkaStreamsOpensIt()) {
				new BoundedMemoryRocksDbConfig().setConfig("a", options, configs(8 << 20, 2 << 20));

				BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
				assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
				assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
				assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
			}
		}

		@Test
		void writesThroughTheSharedCacheInARealStore() {
			// sizes no other test uses, so that this cache's usage is this store's alone
			Map<String, Object> configs = configs(24 << 20, 3 << 20);
			StreamsBuilder builder = new StreamsBuilder();
			builder.table("in", Consumed.with(Serdes.String(), Serdes.String()),
					Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("authors"));
			Properties properties = new Properties();
			properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-memory-test");
			properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
			properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
			properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
			properties.putAll(configs);
			long before = BoundedMemoryRocksDbConfig.shared(BoundedMemoryRocksDbConfig.sizes(configs)).cache()
				.getUsage();

			try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties)) {
				TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
						new StringSerializer());
				for (int i = 0; i < 200; i++) {
					in.pipeInput("author-" + i, "standing-" + i);
				}
				assertThat(BoundedMemoryRocksDbConfig.shared(BoundedMemoryRocksDbConfig.sizes(configs)).cache()
					.getUsage()).as("the memtable is charged to the shared cache").isGreaterThan(before);
			}
		}

	}

	@Nested
	class Sizes {

		@Test
		void missingFromTheStreamsPropertiesFailNamingTheProperty() {
			try (Options options = asKafkaStreamsOpensIt()) {
				assertThatThrownBy(() -> new BoundedMemoryRocksDbConfig().setConfig("a", options, Map.of()))
					.hasMessageContaining(BoundedMemoryRocksDbConfig.BLOCK_CACHE_BYTES);
			}
		}

		@Test
		void writeBuffersAsLargeAsTheCacheAreRefused() {
			assertThatThrownBy(() -> BoundedMemoryRocksDbConfig.sizes(configs(4 << 20, 4 << 20)))
				.isInstanceOf(IllegalArgumentException.class);
		}

	}

	/** Kafka Streams' RocksDBStore hands the setter options that already hold a block-based table config. */
	static Options asKafkaStreamsOpensIt() {
		return new Options().setTableFormatConfig(new BlockBasedTableConfig());
	}

	static Map<String, Object> configs(long blockCache, long writeBuffers) {
		return Map.of(BoundedMemoryRocksDbConfig.BLOCK_CACHE_BYTES, blockCache,
				BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, writeBuffers,
				BoundedMemoryRocksDbConfig.STRICT_CAPACITY_LIMIT, false);
	}

}
