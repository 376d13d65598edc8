package dev.commentmoderation.web;

/** The broker did not acknowledge a verdict or an author action in time: nothing is known to be published. */
class PublishFailedException extends RuntimeException {

	PublishFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
