package dev.commentmoderation.state;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Bounds the state stores' RocksDB memory with moderation.state.rocksdb.* (Kafka Streams' rocksdb.config.setter). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RocksDbMemoryProperties.class)
public class StateConfiguration {

	@Bean
	StreamsBuilderFactoryBeanConfigurer boundedRocksDbMemory(RocksDbMemoryProperties memory) {
		return factoryBean -> {
			Properties properties = factoryBean.getStreamsConfiguration();
			properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
			properties.put(BoundedMemoryRocksDbConfig.BLOCK_CACHE_BYTES, memory.blockCacheSize().toBytes());
			properties.put(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES, memory.writeBufferSize().toBytes());
			properties.put(BoundedMemoryRocksDbConfig.STRICT_CAPACITY_LIMIT, memory.strictCapacityLimit());
			factoryBean.setStreamsConfiguration(properties);
		};
	}

}
