package dev.commentmoderation.demosite;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comments this visitor submitted and whose fate they have not seen yet, in submission order, kept in their
 * session (cookie): only their author sees a comment awaiting moderation, or the reasons it was rejected.
 */
public class Submissions implements Serializable {

	static final String ATTRIBUTE = Submissions.class.getName();

	private final Map<String, CommentForm> forms = new LinkedHashMap<>();

	public synchronized void add(String commentId, CommentForm form) {
		this.forms.put(commentId, form);
	}

	public synchronized Map<String, CommentForm> all() {
		return new LinkedHashMap<>(this.forms);
	}

	public synchronized boolean contains(String commentId) {
		return this.forms.containsKey(commentId);
	}

	public synchronized void remove(String commentId) {
		this.forms.remove(commentId);
	}

}
