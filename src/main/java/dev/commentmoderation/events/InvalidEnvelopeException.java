package dev.commentmoderation.events;

/** A record that cannot be a comment event: it goes to the dead-letter topic and never gets a decision. */
public class InvalidEnvelopeException extends RuntimeException {

	private final EnvelopeError error;

	public InvalidEnvelopeException(EnvelopeError error, String message) {
		this(error, message, null);
	}

	public InvalidEnvelopeException(EnvelopeError error, String message, Throwable cause) {
		super(message, cause, false, false);
		this.error = error;
	}

	public EnvelopeError error() {
		return this.error;
	}

}
