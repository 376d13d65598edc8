package dev.commentmoderation.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.commentmoderation.CommentModerationApplication;
import dev.commentmoderation.health.StreamsStateTracker;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.ServiceTopics;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against a broker that only accepts SASL (SCRAM-SHA-512) over TLS and authorizes every request
 * (StandardAuthorizer, no ACL means deny), configured through standard Spring properties only. Its principal gets
 * exactly the ACLs listed in docs/operations.md ({@link #minimalAcls}): with those it decides comments, and without the
 * transactional id one it cannot.
 */
class SaslSslAclTests {

	static final String APPLICATION_ID = "comment-moderation";

	static final String PASSWORD = "moderation-" + UUID.randomUUID();

	static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

	static final String STORE_PASSWORD = "changeit-" + UUID.randomUUID().toString().substring(0, 8);

	static Path tls;

	static KafkaBroker broker;

	@BeforeAll
	static void startSecureBroker() throws Exception {
		tls = Files.createTempDirectory("kafka-tls");
		keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				tls.resolve("broker.p12").toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", tls.resolve("broker.p12").toString(),
				"-storepass", STORE_PASSWORD, "-file", tls.resolve("broker.crt").toString());
		keytool("-importcert", "-noprompt", "-alias", "broker", "-file", tls.resolve("broker.crt").toString(),
				"-storetype", "PKCS12", "-keystore", tls.resolve("truststore.p12").toString(), "-storepass",
				STORE_PASSWORD);
		int port = KafkaBroker.freePort();
		int internalPort = KafkaBroker.freePort();
		Map<String, String> overrides = new HashMap<>();
		// clients: SASL_SSL only. INTERNAL (plaintext, localhost) is for the broker's own inter-broker traffic
		// (transaction markers) and, like the controller listener, is authenticated as User:ANONYMOUS.
		overrides.put("listeners", "SASL_SSL://localhost:" + port + ",INTERNAL://localhost:" + internalPort);
		overrides.put("advertised.listeners", "SASL_SSL://localhost:" + port + ",INTERNAL://localhost:" + internalPort);
		overrides.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
		overrides.put("inter.broker.listener.name", "INTERNAL");
		overrides.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
		overrides.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required;");
		overrides.put("ssl.keystore.type", "PKCS12");
		overrides.put("ssl.keystore.location", tls.resolve("broker.p12").toString());
		overrides.put("ssl.keystore.password", STORE_PASSWORD);
		overrides.put("ssl.key.password", STORE_PASSWORD);
		overrides.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		overrides.put("super.users", "User:admin;User:ANONYMOUS");
		overrides.put("allow.everyone.if.no.acl.found", "false");
		broker = new KafkaBroker(port, overrides,
				List.of("SCRAM-SHA-512=[name=admin,password=" + ADMIN_PASSWORD + "]",
						"SCRAM-SHA-512=[name=moderation,password=" + PASSWORD + "]"))
			.start();
		try (Admin admin = Admin.create(adminConfig())) {
			List<NewTopic> topics = new ArrayList<>();
			for (String topic : List.of(ServiceTopics.ALL)) {
				topics.add(new NewTopic(topic, 3, (short) 1));
			}
			admin.createTopics(topics).all().get();
		}
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.close();
		}
	}

	/** The ACLs of the service's principal: the table in docs/operations.md, section "Security: Kafka SASL/TLS and ACLs". */
	static List<AclBinding> minimalAcls() {
		return List.of(acl(ResourceType.TOPIC, "comments.submitted", PatternType.LITERAL, AclOperation.READ),
				acl(ResourceType.TOPIC, "comments.reviewed", PatternType.LITERAL, AclOperation.READ),
				acl(ResourceType.TOPIC, "comments.author-actions", PatternType.LITERAL, AclOperation.READ),
				// the classifier's model: the model stage writes it, every instance reads it into a global store
				acl(ResourceType.TOPIC, "comments.classifier-model", PatternType.LITERAL, AclOperation.READ),
				acl(ResourceType.TOPIC, "comments.classifier-model", PatternType.LITERAL, AclOperation.WRITE),
				acl(ResourceType.TOPIC, "comments.approved", PatternType.LITERAL, AclOperation.READ),
				acl(ResourceType.TOPIC, "comments.approved", PatternType.LITERAL, AclOperation.WRITE),
				acl(ResourceType.TOPIC, "comments.rejected", PatternType.LITERAL, AclOperation.READ),
				acl(ResourceType.TOPIC, "comments.held", PatternType.LITERAL, AclOperation.WRITE),
				acl(ResourceType.TOPIC, "comments.rejected", PatternType.LITERAL, AclOperation.WRITE),
				acl(ResourceType.TOPIC, "comments.submitted.DLT", PatternType.LITERAL, AclOperation.WRITE),
				acl(ResourceType.GROUP, APPLICATION_ID, PatternType.LITERAL, AclOperation.READ),
				acl(ResourceType.TRANSACTIONAL_ID, APPLICATION_ID, PatternType.PREFIXED, AclOperation.WRITE),
				// internal topics (repartition, changelog) of the application: Kafka Streams creates, reads,
				// writes and (on reset) deletes them
				acl(ResourceType.TOPIC, APPLICATION_ID + "-", PatternType.PREFIXED, AclOperation.CREATE),
				acl(ResourceType.TOPIC, APPLICATION_ID + "-", PatternType.PREFIXED, AclOperation.READ),
				acl(ResourceType.TOPIC, APPLICATION_ID + "-", PatternType.PREFIXED, AclOperation.WRITE),
				acl(ResourceType.TOPIC, APPLICATION_ID + "-", PatternType.PREFIXED, AclOperation.DELETE),
				acl(ResourceType.TOPIC, APPLICATION_ID + "-", PatternType.PREFIXED, AclOperation.DESCRIBE_CONFIGS));
	}

	@Test
	void theServiceDecidesCommentsWithExactlyTheMinimalAclsAndNotWithoutItsTransactionalIdAcl() throws Exception {
		try (Admin admin = Admin.create(adminConfig())) {
			admin.createAcls(minimalAcls()).all().get();
			try (ConfigurableApplicationContext service = startService()) {
				awaitRunning(service);
				List<String> ids = publish("sasl-ok-", 30);
				List<ConsumerRecord<byte[], byte[]>> decisions = read(ids.size());
				assertThat(decisions).extracting(record -> KafkaClients.utf8(record.key()))
					.containsExactlyInAnyOrderElementsOf(ids);
			}

			AclBinding transactionalId = acl(ResourceType.TRANSACTIONAL_ID, APPLICATION_ID, PatternType.PREFIXED,
					AclOperation.WRITE);
			admin.deleteAcls(List.of(transactionalId.toFilter())).all().get();
			try (ConfigurableApplicationContext service = startService()) {
				StreamsStateTracker streams = service.getBean(StreamsStateTracker.class);
				long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
				while (streams.state() != KafkaStreams.State.ERROR && System.nanoTime() < deadline) {
					Thread.sleep(200);
				}
				assertThat(streams.state()).as("without WRITE on the transactional id").isEqualTo(KafkaStreams.State.ERROR);
			}
			finally {
				admin.createAcls(List.of(transactionalId)).all().get();
			}
		}
	}

	/** Only standard Spring Boot properties: security protocol, trust store, SASL mechanism and JAAS config. */
	static ConfigurableApplicationContext startService() {
		return new SpringApplicationBuilder(CommentModerationApplication.class).run("--server.port=0",
				"--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
				"--spring.kafka.streams.application-id=" + APPLICATION_ID, "--moderation.topics.partitions=3",
				"--spring.kafka.streams.state-dir=" + tls.resolve("state-" + UUID.randomUUID()),
				"--spring.kafka.security.protocol=SASL_SSL",
				"--spring.kafka.ssl.trust-store-location=file:" + tls.resolve("truststore.p12"),
				"--spring.kafka.ssl.trust-store-password=" + STORE_PASSWORD,
				"--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
				"--spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule "
						+ "required username=\"moderation\" password=\"" + PASSWORD + "\";");
	}

	static void awaitRunning(ConfigurableApplicationContext service) throws InterruptedException {
		StreamsStateTracker streams = service.getBean(StreamsStateTracker.class);
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
	}

	static List<String> publish(String prefix, int count) {
		Map<String, Object> config = adminConfig();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		List<String> ids = new ArrayList<>();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			for (int i = 0; i < count; i++) {
				String id = prefix + i;
				ids.add(id);
				producer.send(new ProducerRecord<>("comments.submitted", "post".getBytes(StandardCharsets.UTF_8),
						SampleComments.valid(id)));
			}
			producer.flush();
		}
		return ids;
	}

	static List<ConsumerRecord<byte[], byte[]>> read(int expected) {
		Map<String, Object> config = adminConfig();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			reader.subscribe(List.of(ServiceTopics.OUTCOMES));
			return KafkaClients.readAtLeast(reader, expected, Duration.ofMinutes(1));
		}
	}

	static Map<String, Object> adminConfig() {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
		config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.resolve("truststore.p12").toString());
		config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, STORE_PASSWORD);
		config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
		config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
		config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
				+ "username=\"admin\" password=\"" + ADMIN_PASSWORD + "\";");
		return config;
	}

	static AclBinding acl(ResourceType type, String name, PatternType pattern, AclOperation operation) {
		return new AclBinding(new ResourcePattern(type, name, pattern),
				new AccessControlEntry("User:moderation", "*", operation, AclPermissionType.ALLOW));
	}

	static void keytool(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("keytool %s: %s", args[0], output).isZero();
	}

}
