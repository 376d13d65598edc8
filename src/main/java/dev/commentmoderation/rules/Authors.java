package dev.commentmoderation.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Author identity for the rules that remember: the normalized email address, and comment fingerprints. */
public final class Authors {

	private Authors() {
	}

	/**
	 * The author's email address, stripped and lower-cased (Locale.ROOT), when it is a valid address; empty when it
	 * is missing or invalid (such comments are rejected without any state).
	 */
	public static Optional<String> normalizedEmail(Comment comment) {
		return normalizedEmail(comment.author().email());
	}

	/** An email address as authors are keyed: stripped and lower-cased when valid, empty otherwise. */
	public static Optional<String> normalizedEmail(String email) {
		if (Text.isBlank(email) || !EmailAddressCheck.isValid(email)) {
			return Optional.empty();
		}
		return Optional.of(normalizeEmail(email));
	}

	/**
	 * The key of an author's state and of moderators' actions on the author: the address stripped of white space
	 * and ignorable characters at either end and lower-cased (Locale.ROOT), without any validity check.
	 */
	public static String normalizeEmail(String email) {
		return Text.strip(email).toLowerCase(Locale.ROOT);
	}

	/** The IP address as given, stripped; empty when missing or blank. */
	public static Optional<String> ip(Comment comment) {
		String ip = comment.author().ip();
		return (Text.isBlank(ip)) ? Optional.empty() : Optional.of(Text.strip(ip).toLowerCase(Locale.ROOT));
	}

	/**
	 * SHA-256 (hex) of the normalized author email, the postId, the normalized content (case, accents,
	 * look-alikes and whitespace folded as for blocked terms) and, for a reply, the parentId: equal for "the same
	 * thing said again in the same place". As WordPress's duplicate check, the parent counts, so repeating one's
	 * own comment as a reply to someone is not a duplicate. A top-level comment (no parentId) hashes exactly as
	 * before parents counted, so fingerprints remembered before that change still catch its duplicates.
	 */
	public static String fingerprint(String author, Comment comment) {
		return fingerprint(author, comment, NormalizedContent.of(comment));
	}

	/**
	 * The {@link #fingerprint(String, Comment) fingerprint} of a comment whose content the rules have folded
	 * already: the same value, without folding it again.
	 */
	public static String fingerprint(String author, Comment comment, NormalizedContent normalized) {
		String content = normalized.term();
		String post = (comment.postId() == null) ? "" : comment.postId();
		String parent = comment.parentId();
		String[] parts = (parent == null || parent.isEmpty()) ? new String[] { author, post, content }
				: new String[] { author, post, content, parent };
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				digest.update(java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
				digest.update(bytes);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
