package dev.commentmoderation.classifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of the model topic's records, keyed by (site, token): a token's counts as a value of
 * {@value #COUNTS_BYTES} bytes (format byte, then spam and ham as big-endian ints), the label totals under the
 * reserved empty token {@link #TOTALS} as {@value #TOTALS_BYTES} bytes (format byte, then spam labels, ham labels
 * and the sequence number as big-endian longs). A removed token is a null value (a tombstone). Tokens are never
 * empty (every one has a namespace prefix), so the totals key cannot collide with a token's.
 */
public final class ModelRecords {

	/** The token under which a site's label totals are kept. */
	public static final String TOTALS = "";

	static final byte FORMAT = 1;

	static final int COUNTS_BYTES = 9;

	static final int TOTALS_BYTES = 25;

	private ModelRecords() {
	}

	/** A record key and what it names. */
	public record Key(String site, String token) {

		public boolean isTotals() {
			return this.token.isEmpty();
		}

	}

	/** The label totals and sequence number of a model. */
	public record Totals(long spamLabels, long hamLabels, long sequence) {
	}

	/** Two bytes of site length, the site, then the token, both UTF-8. */
	public static byte[] key(String site, String token) {
		byte[] siteBytes = site.getBytes(StandardCharsets.UTF_8);
		if (siteBytes.length > 0xFFFF) {
			throw new IllegalArgumentException("site longer than 65535 bytes");
		}
		byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(2 + siteBytes.length + tokenBytes.length)
			.putShort((short) siteBytes.length)
			.put(siteBytes)
			.put(tokenBytes)
			.array();
	}

	public static Key key(byte[] bytes) {
		if (bytes == null || bytes.length < 2) {
			throw new IllegalArgumentException("not a model record key");
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		int siteLength = Short.toUnsignedInt(buffer.getShort());
		if (siteLength > bytes.length - 2) {
			throw new IllegalArgumentException("not a model record key: site length " + siteLength);
		}
		String site = new String(bytes, 2, siteLength, StandardCharsets.UTF_8);
		String token = new String(bytes, 2 + siteLength, bytes.length - 2 - siteLength, StandardCharsets.UTF_8);
		return new Key(site, token);
	}

	public static byte[] counts(TokenCounts counts) {
		return ByteBuffer.allocate(COUNTS_BYTES).put(FORMAT).putInt(counts.spam()).putInt(counts.ham()).array();
	}

	public static TokenCounts counts(byte[] bytes) {
		if (bytes == null || bytes.length != COUNTS_BYTES || bytes[0] != FORMAT) {
			throw new IllegalArgumentException("not a token count record");
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, 8);
		return new TokenCounts(buffer.getInt(), buffer.getInt());
	}

	public static byte[] totals(Totals totals) {
		return ByteBuffer.allocate(TOTALS_BYTES)
			.put(FORMAT)
			.putLong(totals.spamLabels())
			.putLong(totals.hamLabels())
			.putLong(totals.sequence())
			.array();
	}

	public static Totals totals(byte[] bytes) {
		if (bytes == null || bytes.length != TOTALS_BYTES || bytes[0] != FORMAT) {
			throw new IllegalArgumentException("not a label totals record");
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, 24);
		return new Totals(buffer.getLong(), buffer.getLong(), buffer.getLong());
	}

}
