package dev.commentmoderation.settings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.commentmoderation.classifier.ClassifierSettings;

/**
 * The spam classifier (docs/classifier.md): learns from moderators' verdicts, scores every comment in the first
 * stage. Defaults are {@link ClassifierSettings#DEFAULTS}.
 *
 * @param enabled score comments and learn from verdicts; off: no SPAM_CLASSIFIER reason, no modelVersion
 * @param minSpamLabels the classifier abstains until a model has learned this many spam comments
 * @param minHamLabels and this many ham comments
 * @param holdAt hold a comment whose spam probability is at or above this (a policy site may set its own)
 * @param rejectAt reject one at or above this (a policy site may set its own)
 * @param maxTokens tokens a model keeps at most; the rarest are pruned beyond it (about 200 bytes each in memory)
 * @param perSiteModels score a site with its own model once it has enough labels, else with the shared one
 * @param autolearn learn confident automatic decisions too (SpamAssassin's bayes_auto_learn)
 * @param autolearnSpamAt with autolearn, learn as spam at or above this probability
 * @param autolearnHamBelow with autolearn, learn as ham below this probability
 */
@Validated
@ConfigurationProperties("moderation.classifier")
public record ClassifierProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("200") @Min(1) int minSpamLabels,
		@DefaultValue("200") @Min(1) int minHamLabels,
		@DefaultValue("0.85") @DecimalMin("0") @DecimalMax("1") double holdAt,
		@DefaultValue("0.98") @DecimalMin("0") @DecimalMax("1") double rejectAt,
		@DefaultValue("100000") @Min(1) int maxTokens,
		@DefaultValue("true") boolean perSiteModels,
		@DefaultValue("false") boolean autolearn,
		@DefaultValue("0.995") @DecimalMin("0") @DecimalMax("1") double autolearnSpamAt,
		@DefaultValue("0.01") @DecimalMin("0") @DecimalMax("1") double autolearnHamBelow) {

	/** The core's settings; a combination it refuses (reject-at below hold-at) stops start-up with its message. */
	public ClassifierSettings toSettings() {
		ClassifierSettings d = ClassifierSettings.DEFAULTS;
		return new ClassifierSettings(this.minSpamLabels, this.minHamLabels, d.robinsonS(), d.robinsonX(),
				d.minStrength(), d.maxClues(), d.reportedClues(), this.holdAt, this.rejectAt, this.maxTokens,
				this.perSiteModels, this.autolearn, this.autolearnSpamAt, this.autolearnHamBelow);
	}

}
