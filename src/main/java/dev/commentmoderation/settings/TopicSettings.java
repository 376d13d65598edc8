package dev.commentmoderation.settings;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's topics, and whether it creates them at start-up.
 *
 * @param submitted input: CommentSubmitted events
 * @param approved output: ModerationDecision events with decision APPROVED, keyed by commentId
 * @param rejected output: ModerationDecision events with decision REJECTED, keyed by commentId
 * @param deadLetter output: input records that are not a comment event (and unusable or unknown reviews), as
 * received, with headers saying why
 * @param held output: ModerationDecision events with decision HELD, keyed by commentId
 * @param reviewed input: moderators' verdicts on comments (held ones, and corrections of final ones)
 * @param authorActions input: moderators' actions on authors (TRUST, BAN, PREMODERATE, RESET), keyed by email
 * @param classifierModel the spam classifier's model, compacted: written by the model stage, read by every
 * instance into a global store (the service creates it compacted with {@code create})
 * @param create create missing topics at start-up
 * @param partitions partitions of topics the service creates, and of its internal repartition topics
 * @param replicationFactor replication factor of topics the service creates; -1 takes the broker's default
 */
@Validated
@ConfigurationProperties("moderation.topics")
public record TopicSettings(
		@DefaultValue("comments.submitted") @NotBlank @Pattern(regexp = LEGAL_TOPIC, message = TOPIC_MESSAGE) String submitted,
		@DefaultValue("comments.approved") @NotBlank @Pattern(regexp = LEGAL_TOPIC, message = TOPIC_MESSAGE) String approved,
		@DefaultValue("comments.rejected") @NotBlank @Pattern(regexp = LEGAL_TOPIC, message = TOPIC_MESSAGE) String rejected,
		@DefaultValue("comments.submitted.DLT") @NotBlank @Pattern(regexp = LEGAL_TOPIC, message = TOPIC_MESSAGE) String deadLetter,
		@DefaultValue("comments.held") @NotBlank @Pattern(regexp = LEGAL_TOPIC, message = TOPIC_MESSAGE) String held,
		@DefaultValue("comments.reviewed") @NotBlank @Pattern(regexp = LEGAL_TOPIC, message = TOPIC_MESSAGE) String reviewed,
		@DefaultValue("comments.author-actions") @NotBlank @Pattern(regexp = LEGAL_TOPIC, message = TOPIC_MESSAGE) String authorActions,
		@DefaultValue("comments.classifier-model") @NotBlank @Pattern(regexp = LEGAL_TOPIC, message = TOPIC_MESSAGE) String classifierModel,
		@DefaultValue("false") boolean create,
		@DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("-1") @Min(-1) short replicationFactor) {

	static final String LEGAL_TOPIC = "[a-zA-Z0-9._-]{1,249}";

	static final String TOPIC_MESSAGE = "must be a legal Kafka topic name: 1 to 249 of a-z, A-Z, 0-9, '.', '_', '-'";

}
