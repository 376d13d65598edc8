package dev.commentmoderation.state;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

class StateConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StateConfiguration.class);

	@Test
	void theStreamsUseTheBoundedSetterWithTheDefaultSizes() {
		this.runner.run(context -> {
			Properties streams = configure(context.getBean(StreamsBuilderFactoryBeanConfigurer.class));
			assertThat(streams).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
					BoundedMemoryRocksDbConfig.class)
				.containsEntry(BoundedMemoryRocksDbConfig.BLOCK_CACHE_BYTES, 64L << 20)
				.containsEntry(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, 16L << 20)
				.containsEntry(BoundedMemoryRocksDbConfig.STRICT_CAPACITY_LIMIT, false)
				.containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "kept");
		});
	}

	@Test
	void theSizesAreSettings() {
		this.runner.withPropertyValues("moderation.state.rocksdb.block-cache-size=256MB",
				"moderation.state.rocksdb.write-buffer-size=64MB", "moderation.state.rocksdb.strict-capacity-limit=true")
			.run(context -> assertThat(configure(context.getBean(StreamsBuilderFactoryBeanConfigurer.class)))
				.containsEntry(BoundedMemoryRocksDbConfig.BLOCK_CACHE_BYTES, 256L << 20)
				.containsEntry(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, 64L << 20)
				.containsEntry(BoundedMemoryRocksDbConfig.STRICT_CAPACITY_LIMIT, true));
	}

	@Test
	void aZeroCacheStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.state.rocksdb.block-cache-size=0", "moderation.state.rocksdb.block-cache-size");
	}

	@Test
	void aSizeThatIsNotASizeStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.state.rocksdb.write-buffer-size=lots", "moderation.state.rocksdb.write-buffer-size");
	}

	@Test
	void writeBuffersNotSmallerThanTheCacheStopStartUpNamingTheProperty() {
		assertStartUpFails("moderation.state.rocksdb.write-buffer-size=64MB", "moderation.state.rocksdb.write-buffer-size");
	}

	private void assertStartUpFails(String property, String name) {
		this.runner.withPropertyValues(property).run(context -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage()).append('\n');
			}
			assertThat(messages.toString()).contains(name);
		});
	}

	private static Properties configure(StreamsBuilderFactoryBeanConfigurer configurer) {
		StreamsBuilderFactoryBean factoryBean = new StreamsBuilderFactoryBean(
				new KafkaStreamsConfiguration(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "kept")));
		configurer.configure(factoryBean);
		return factoryBean.getStreamsConfiguration();
	}

}
