package dev.commentmoderation.stage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.commentmoderation.rules.AuthorStanding;

/**
 * What the author stage remembers of one author, as one key-value record per author (normalized email), read once
 * and written once per comment: when the author last commented, their standing and when it last changed, and the
 * fingerprints of their recent non-rejected comments as 64-bit hashes (at most {@value #MAX_SAID}, the newest, within
 * the duplicate retention). Times are epoch milliseconds of record timestamps; null when never.
 *
 * @param said each fingerprint with a 32-bit hash of its commentId (a resubmission is not its own duplicate)
 */
public record AuthorRecord(Long lastCommentAt, int approved, boolean spamRejected, Long standingAt,
		List<Said> said) {

	/** Fingerprints kept per author: a duplicate of an older comment than the last 32 is not recognised. */
	public static final int MAX_SAID = 32;

	public static final AuthorRecord NEW = new AuthorRecord(null, 0, false, null, List.of());

	/** One fingerprint: {@code f} the hash of the fingerprint, {@code c} of the commentId, {@code at} its time. */
	@JsonFormat(shape = JsonFormat.Shape.ARRAY) // no field names: a full record is read and written per comment
	public record Said(long f, int c, long at) {
	}

	public AuthorRecord {
		said = (said != null) ? said : List.of();
	}

	public AuthorStanding standing() {
		return new AuthorStanding(approved, spamRejected);
	}

	/** The latest time anything in this record was written: a record untouched for the author retention expires. */
	public long lastActiveAt() {
		long latest = Math.max((lastCommentAt != null) ? lastCommentAt : 0L, (standingAt != null) ? standingAt : 0L);
		for (Said entry : said) {
			latest = Math.max(latest, entry.at());
		}
		return latest;
	}

	AuthorRecord withLastComment(long at) {
		long latest = (lastCommentAt != null) ? Math.max(lastCommentAt, at) : at;
		return new AuthorRecord(latest, approved, spamRejected, standingAt, said);
	}

	/** A standing written at {@code at}; one written at an earlier time than the kept one does not replace it. */
	AuthorRecord withStanding(AuthorStanding standing, long at) {
		if (standingAt != null && at < standingAt) {
			return this;
		}
		return new AuthorRecord(lastCommentAt, standing.approved(), standing.spamRejected(), at, said);
	}

	/** Adds a fingerprint, dropping those older than {@code keepSince} and all but the newest {@value #MAX_SAID}. */
	AuthorRecord withSaid(long fingerprint, int comment, long at, long keepSince) {
		List<Said> kept = new ArrayList<>(said.size() + 1);
		for (Said entry : said) {
			if (entry.at() >= keepSince && !(entry.f() == fingerprint && entry.at() == at)) {
				kept.add(entry);
			}
		}
		kept.add(new Said(fingerprint, comment, at));
		if (kept.size() > MAX_SAID) {
			kept.sort(Comparator.comparingLong(Said::at));
			kept = new ArrayList<>(kept.subList(kept.size() - MAX_SAID, kept.size()));
		}
		return new AuthorRecord(lastCommentAt, approved, spamRejected, standingAt, List.copyOf(kept));
	}

	/** The latest entry with this fingerprint at or after {@code since}, or null. */
	Said latestSaid(long fingerprint, long since) {
		Said latest = null;
		for (Said entry : said) {
			if (entry.f() == fingerprint && entry.at() >= since && (latest == null || entry.at() >= latest.at())) {
				latest = entry;
			}
		}
		return latest;
	}

	/** A fingerprint (a SHA-256 in hex, from {@code Authors.fingerprint}) as 64 bits: its first 16 hex digits. */
	static long fingerprintHash(String fingerprint) {
		if (fingerprint.length() >= 16) {
			try {
				return Long.parseUnsignedLong(fingerprint, 0, 16, 16);
			}
			catch (NumberFormatException ex) {
				// not hex: hashed below
			}
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
			return java.nio.ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
