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
 * stage. A property that is not set takes the core's default, {@link ClassifierSettings#DEFAULTS} (the one
 * definition, which the dry run and the classifier tool use too); {@code enabled}, which only the service has,
 * defaults to true.
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
		@Min(1) Integer minSpamLabels,
		@Min(1) Integer minHamLabels,
		@DecimalMin("0") @DecimalMax("1") Double holdAt,
		@DecimalMin("0") @DecimalMax("1") Double rejectAt,
		@Min(1) Integer maxTokens,
		Boolean perSiteModels,
		Boolean autolearn,
		@DecimalMin("0") @DecimalMax("1") Double autolearnSpamAt,
		@DecimalMin("0") @DecimalMax("1") Double autolearnHamBelow) {

	/** Unset properties (null here) take the core's defaults. */
	public ClassifierProperties {
		ClassifierSettings d = ClassifierSettings.DEFAULTS;
		minSpamLabels = (minSpamLabels != null) ? minSpamLabels : d.minSpamLabels();
		minHamLabels = (minHamLabels != null) ? minHamLabels : d.minHamLabels();
		holdAt = (holdAt != null) ? holdAt : d.holdAt();
		rejectAt = (rejectAt != null) ? rejectAt : d.rejectAt();
		maxTokens = (maxTokens != null) ? maxTokens : d.maxTokens();
		perSiteModels = (perSiteModels != null) ? perSiteModels : d.perSiteModels();
		autolearn = (autolearn != null) ? autolearn : d.autolearn();
		autolearnSpamAt = (autolearnSpamAt != null) ? autolearnSpamAt : d.autolearnSpamAt();
		autolearnHamBelow = (autolearnHamBelow != null) ? autolearnHamBelow : d.autolearnHamBelow();
	}

	/** The core's settings; a combination it refuses (reject-at below hold-at) stops start-up with its message. */
	public ClassifierSettings toSettings() {
		ClassifierSettings d = ClassifierSettings.DEFAULTS;
		return new ClassifierSettings(this.minSpamLabels, this.minHamLabels, d.robinsonS(), d.robinsonX(),
				d.minStrength(), d.maxClues(), d.reportedClues(), this.holdAt, this.rejectAt, this.maxTokens,
				this.perSiteModels, this.autolearn, this.autolearnSpamAt, this.autolearnHamBelow);
	}

}
