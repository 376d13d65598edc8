package dev.commentmoderation.classifier;

/**
 * What scoring reads of a model: the label totals and the counts of one token. The in-memory model implements it
 * for the offline tools and tests; the stream's global store of the model topic implements it in the service.
 * Implementations must be safe to read from the thread that scores.
 */
public interface ModelView {

	/** Comments learned as spam (after corrections). */
	long spamLabels();

	/** Comments learned as ham (after corrections). */
	long hamLabels();

	/** The counts of a token; {@link TokenCounts#ZERO} when the model does not hold it. */
	TokenCounts counts(String token);

	/**
	 * Identifies the state a decision was scored with, for the decision's modelVersion: site, label totals and a
	 * sequence number that grows with every change.
	 */
	String version();

	/** Whether the model has enough labels of each kind for the classifier to give a probability. */
	default boolean hasEnoughLabels(ClassifierSettings settings) {
		return spamLabels() >= settings.minSpamLabels() && hamLabels() >= settings.minHamLabels();
	}

}
