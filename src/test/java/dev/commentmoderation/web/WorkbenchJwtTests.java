package dev.commentmoderation.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.commentmoderation.EmbeddedKafkaConfiguration;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Production login: Bearer JWTs of an OIDC provider, here signed with a key of this test whose public half the
 * service reads from {@code spring.security.oauth2.resourceserver.jwt.public-key-location} (an issuer-uri or
 * jwk-set-uri works the same way past the key lookup). Roles come from a nested claim, as Keycloak puts them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "embedded.kafka.port=0", "spring.kafka.streams.application-id=workbench-jwt-test",
				"spring.kafka.streams.state-dir=${java.io.tmpdir}/workbench-jwt-test-${random.uuid}",
				"moderation.topics.partitions=1", "moderation.security.jwt.roles-claim=realm_access.roles" })
@Import(EmbeddedKafkaConfiguration.class)
class WorkbenchJwtTests {

	static final KeyPair PROVIDER = rsa();

	static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void publicKey(DynamicPropertyRegistry registry) throws IOException {
		Path pem = Files.createTempFile("provider-", ".pub");
		Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
	}

	@LocalServerPort
	int port;

	@Autowired
	KafkaBroker broker;

	@Test
	void aModeratorTokenPublishesAVerdictUnderThePreferredUsername() {
		String commentId = "jwt-" + System.nanoTime();
		HttpResponse<String> response = post("/api/v1/comments/" + commentId + "/verdict",
				token(PROVIDER, "moderator", Instant.now().plusSeconds(300)), "{\"decision\":\"APPROVED\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.reviewed")) {
			List<JsonNode> events = KafkaClients.readAtLeast(reader, 1, Duration.ofSeconds(30))
				.stream()
				.map(ConsumerRecord::value)
				.map(json::readTree)
				.filter((event) -> commentId.equals(event.get("commentId").stringValue()))
				.toList();
			assertThat(events).hasSize(1);
			assertThat(events.get(0).get("moderator").stringValue()).isEqualTo("ann.moderator");
		}
	}

	@Test
	void aViewerTokenMayReadButNotWrite() {
		String viewer = token(PROVIDER, "viewer", Instant.now().plusSeconds(300));
		assertThat(post("/api/v1/comments/c-1/verdict", viewer, "{\"decision\":\"APPROVED\"}").statusCode())
			.isEqualTo(403);
		// 503 until the stream runs
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/v1/comments/unknown", viewer).statusCode()).isEqualTo(404));
	}

	@Test
	void anExpiredTokenIsA401() {
		assertThat(get("/api/v1/queue", token(PROVIDER, "moderator", Instant.now().minusSeconds(300))).statusCode())
			.isEqualTo(401);
	}

	@Test
	void aTokenSignedByAnotherKeyIsA401() {
		assertThat(get("/api/v1/queue", token(rsa(), "moderator", Instant.now().plusSeconds(300))).statusCode())
			.isEqualTo(401);
	}

	@Test
	void aTokenWithoutWorkbenchRolesIsA403() {
		assertThat(get("/api/v1/queue", token(PROVIDER, "offline_access", Instant.now().plusSeconds(300))).statusCode())
			.isEqualTo(403);
	}

	static String token(KeyPair key, String role, Instant expires) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("0b5c9e3a")
			.claim("preferred_username", "ann." + role)
			.claim("realm_access", java.util.Map.of("roles", List.of(role, "default-roles")))
			.issueTime(Date.from(expires.minusSeconds(600)))
			.expirationTime(Date.from(expires))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> get(String path, String token) {
		return WorkbenchApiTests.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.build());
	}

	HttpResponse<String> post(String path, String token, String body) {
		return WorkbenchApiTests.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

}
