package dev.commentmoderation.classifier;

/**
 * How many labeled comments held a token: the whole state the model keeps per token (per site), which is why a
 * label changes only its own tokens' records. Counts never go below zero.
 */
public record TokenCounts(int spam, int ham) {

	public static final TokenCounts ZERO = new TokenCounts(0, 0);

	public TokenCounts {
		if (spam < 0 || ham < 0) {
			throw new IllegalArgumentException("negative token count: spam " + spam + ", ham " + ham);
		}
	}

	/** Comments counted for the token, spam and ham together: what pruning ranks by. */
	public long total() {
		return (long) this.spam + this.ham;
	}

	public boolean isZero() {
		return this.spam == 0 && this.ham == 0;
	}

	TokenCounts plus(Label label, int delta) {
		return (label == Label.SPAM) ? new TokenCounts(Math.max(0, this.spam + delta), this.ham)
				: new TokenCounts(this.spam, Math.max(0, this.ham + delta));
	}

}
