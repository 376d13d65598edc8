package dev.commentmoderation.policy;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.commentmoderation.settings.PositiveDuration;
import dev.commentmoderation.settings.ReadableFile;

/**
 * The moderation policy file.
 *
 * @param file optional YAML policy file (format: contract/moderation-policy.schema.json, example:
 * deploy/policy/moderation-policy.yaml); without one, the moderation.rules.* settings are the whole policy
 * @param reloadInterval how often the file (and the term files it names) is checked for changes; a changed file
 * is checked and, when valid, applied without a restart
 * @param maxFloodInterval the longest flood-interval a policy may set: the flood state stores keep comments' times
 * this long (plus a minute), so raising it needs a restart; unset, PolicyLoader.DEFAULT_MAX_FLOOD_INTERVAL
 */
@Validated
@ConfigurationProperties("moderation.policy")
public record PolicyProperties(
		@ReadableFile Path file,
		@DefaultValue("10s") @NotNull @PositiveDuration Duration reloadInterval,
		@PositiveDuration Duration maxFloodInterval) {

	public PolicyProperties {
		if (maxFloodInterval == null) {
			maxFloodInterval = PolicyLoader.DEFAULT_MAX_FLOOD_INTERVAL;
		}
	}

}
