package dev.commentmoderation.web;

import java.time.Duration;

import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.commentmoderation.settings.PositiveDuration;

/**
 * The workbench API's settings.
 *
 * @param peerSecret the secret instances present to each other's {@code /internal/v1} endpoints (header
 * {@value #PEER_SECRET_HEADER}); required as soon as the stream advertises an {@code application.server}, i.e. when
 * the API fans out; unset, {@code /internal/v1} answers no one
 * @param peerTimeout how long a call to another instance may take
 * @param sendTimeout how long the API waits for the broker to acknowledge a published event before answering 503
 * @param retryAfter the Retry-After of a 503 while the state is not queryable (starting, restoring, rebalancing)
 */
@Validated
@ConfigurationProperties("moderation.workbench")
public record WorkbenchSettings(@Size(min = 16, message = "must be at least 16 characters") String peerSecret,
		@DefaultValue("5s") @PositiveDuration Duration peerTimeout,
		@DefaultValue("10s") @PositiveDuration Duration sendTimeout,
		@DefaultValue("5s") @PositiveDuration Duration retryAfter) {

	public static final String PEER_SECRET_HEADER = "X-Moderation-Peer-Secret";

	public boolean hasPeerSecret() {
		return this.peerSecret != null && !this.peerSecret.isBlank();
	}

}
