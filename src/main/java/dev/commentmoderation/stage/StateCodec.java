package dev.commentmoderation.stage;


import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * Values of the topology's internal repartition topics and state stores (the records of this package), written as Smile
 * (Jackson's binary JSON: the same data model and the same record mapping as JSON, but strings are stored as
 * they are, so the received comment each record carries is not escaped and unescaped on every hop). Not a
 * public contract, but changelogs and repartition topics outlive a deployment: only add record components
 * (unknown ones are ignored on read; missing ones, in values an older version wrote, read as null, 0 or false).
 *
 * <p>
 * Reading also accepts the JSON that earlier versions wrote: a Smile value starts with the Smile header
 * ({@code :)\n}), a JSON one with <code>{</code>, so changelogs and repartition topics written before the switch
 * are still read after an upgrade. A rollback to a JSON-only version cannot read Smile values: it needs the
 * application's internal topics and state reset.
 * <p>
 * The policy's {@code DecisionRules} that each pending comment carries are written by {@link DecisionRulesFormat}.
 */
public final class StateCodec {

	/** Every Smile value this class writes starts with these bytes (the Smile header is on by default). */
	private static final byte[] SMILE_HEADER = { ':', ')', '\n' };

	static final SmileMapper SMILE = SmileMapper.builder()
		.addModule(DecisionRulesFormat.module())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** Values written before the switch to Smile. */
	static final JsonMapper JSON = JsonMapper.builder()
		.addModule(DecisionRulesFormat.module())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private StateCodec() {
	}

	public static byte[] write(Object value) {
		return SMILE.writeValueAsBytes(value);
	}

	public static <T> T read(byte[] bytes, Class<T> type) {
		return isSmile(bytes) ? SMILE.readValue(bytes, type) : JSON.readValue(bytes, type);
	}

	public static boolean isSmile(byte[] bytes) {
		return bytes != null && bytes.length >= SMILE_HEADER.length && bytes[0] == SMILE_HEADER[0]
				&& bytes[1] == SMILE_HEADER[1] && bytes[2] == SMILE_HEADER[2];
	}
}
