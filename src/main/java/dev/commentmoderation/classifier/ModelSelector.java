package dev.commentmoderation.classifier;

/**
 * Picks the model a site's comment is scored with: the site's own model once it has enough labels of each kind
 * (and per-site models are on), else the shared model, which learns every site's labels. The classifier then
 * abstains if the chosen model has too few labels itself.
 */
public final class ModelSelector {

	/** The site name of the shared model. */
	public static final String SHARED = "*";

	private ModelSelector() {
	}

	/**
	 * @param siteModel the site's model, or null when the site has none yet
	 * @param sharedModel the shared model, or null when there is none yet
	 */
	public static ModelView select(ModelView siteModel, ModelView sharedModel, ClassifierSettings settings) {
		if (settings.perSiteModels() && siteModel != null && siteModel.hasEnoughLabels(settings)) {
			return siteModel;
		}
		return sharedModel;
	}

}
