package dev.commentmoderation.workbench;

/**
 * The state a query needs is not queryable here now: the stream is starting, restoring or rebalancing, or the
 * key's partition has moved to another instance. Callers retry (the web adapter answers 503 with Retry-After).
 */
public class StateUnavailableException extends RuntimeException {

	public StateUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public StateUnavailableException(String message) {
		super(message);
	}

}
