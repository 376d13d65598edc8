package dev.commentmoderation.web.security;

/** A workbench setting that would leave it unusable or open: start-up stops, the message naming the property. */
public class InvalidWorkbenchSettingException extends IllegalStateException {

	public InvalidWorkbenchSettingException(String message) {
		super(message);
	}

}
