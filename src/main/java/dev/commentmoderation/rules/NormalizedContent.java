package dev.commentmoderation.rules;

/**
 * A comment's content as {@link TextNormalizer} folds it, computed on first use and then shared by everything that
 * reads the same comment's content folded: the term lists (blocked and held terms), the fingerprint
 * ({@link Authors#fingerprint(String, Comment, NormalizedContent)}) and the classifier's features. Folding is the
 * costliest step of the stateless rules, and each of these used to fold the content again. One per comment; the
 * lazy field needs no lock, because {@link NormalizedText} is immutable (two threads would at worst fold it twice).
 */
public final class NormalizedContent {

	private final String content;

	private NormalizedText folded;

	private NormalizedContent(String content) {
		this.content = content;
	}

	public static NormalizedContent of(Comment comment) {
		return new NormalizedContent(comment.content());
	}

	/**
	 * {@code value} folded, as {@link TextNormalizer#normalize(String)} folds it: the content's folding when
	 * {@code value} is the content, continued over the rest when {@code value} starts with the content (the text a
	 * term list searches, with the parts read through markup after it), folded afresh otherwise (a field other than
	 * the content, or the content cut to a scan window).
	 */
	public NormalizedText normalize(String value) {
		if (this.content == null || this.content.isEmpty() || value.length() < this.content.length()) {
			return TextNormalizer.normalize(value);
		}
		if (value == this.content || value.equals(this.content)) {
			return folded();
		}
		// a content ending in half a surrogate pair would read as another code point where value continues it
		boolean continues = value.startsWith(this.content)
				&& !Character.isHighSurrogate(this.content.charAt(this.content.length() - 1));
		return continues ? TextNormalizer.normalize(value, folded()) : TextNormalizer.normalize(value);
	}

	/** The content folded and stripped, as {@link TextNormalizer#normalizeTerm} returns it; empty without content. */
	String term() {
		return (this.content == null) ? "" : folded().normalized().strip();
	}

	private NormalizedText folded() {
		NormalizedText result = this.folded;
		if (result == null) {
			result = TextNormalizer.normalize(this.content);
			this.folded = result;
		}
		return result;
	}

}
