package dev.commentmoderation.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole model as one JSON document, the offline tools' format (what {@code classifier train} writes and
 * {@code classifier evaluate} reads):
 * <pre>
 * {"format": "robinson-fisher", "version": 1, "site": "*", "spamLabels": 600, "hamLabels": 3300,
 *  "sequence": 3900, "tokens": {"w:free": [212, 9], ...}}
 * </pre>
 * Tokens are written sorted, so the same model gives the same file.
 */
public final class ModelFile {

	static final String FORMAT = "robinson-fisher";

	static final int VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ModelFile() {
	}

	/** A file that is not a model of this format; the message says why. */
	public static final class InvalidModelException extends IOException {

		InvalidModelException(String message) {
			super(message);
		}

	}

	public static void write(InMemoryModel model, OutputStream out) throws IOException {
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringProperty("format", FORMAT);
			json.writeNumberProperty("version", VERSION);
			json.writeStringProperty("site", model.site());
			json.writeNumberProperty("spamLabels", model.spamLabels());
			json.writeNumberProperty("hamLabels", model.hamLabels());
			json.writeNumberProperty("sequence", model.sequence());
			json.writeName("tokens");
			json.writeStartObject();
			for (Map.Entry<String, TokenCounts> entry : new TreeMap<>(model.counts()).entrySet()) {
				json.writeName(entry.getKey());
				json.writeStartArray();
				json.writeNumber(entry.getValue().spam());
				json.writeNumber(entry.getValue().ham());
				json.writeEndArray();
			}
			json.writeEndObject();
			json.writeEndObject();
		}
		catch (JacksonException ex) {
			throw new IOException(ex.getOriginalMessage(), ex);
		}
	}

	/** Reads a model file; the model keeps at most {@code maxTokens} tokens from now on. */
	public static InMemoryModel read(InputStream in, int maxTokens) throws IOException {
		JsonNode root;
		try {
			root = JSON.readTree(in);
		}
		catch (JacksonException ex) {
			throw new InvalidModelException("not JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidModelException("not a JSON object");
		}
		if (!FORMAT.equals(root.path("format").asString(null)) || root.path("version").asInt(-1) != VERSION) {
			throw new InvalidModelException("not a " + FORMAT + " model of version " + VERSION);
		}
		String site = root.path("site").asString(null);
		if (site == null) {
			throw new InvalidModelException("no site");
		}
		long spam = count(root, "spamLabels");
		long ham = count(root, "hamLabels");
		long sequence = count(root, "sequence");
		JsonNode tokens = root.path("tokens");
		if (!tokens.isObject()) {
			throw new InvalidModelException("no tokens object");
		}
		Map<String, TokenCounts> counts = new TreeMap<>();
		Iterator<Map.Entry<String, JsonNode>> fields = tokens.properties().iterator();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			JsonNode pair = field.getValue();
			if (field.getKey().isEmpty() || !pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt()
					|| !pair.get(1).canConvertToInt() || pair.get(0).asInt() < 0 || pair.get(1).asInt() < 0) {
				throw new InvalidModelException("token \"" + field.getKey() + "\" is not [spam, ham] counts");
			}
			counts.put(field.getKey(), new TokenCounts(pair.get(0).asInt(), pair.get(1).asInt()));
		}
		InMemoryModel model = InMemoryModel.of(site, maxTokens, spam, ham, sequence, counts);
		if (model.size() > maxTokens) {
			model.prune(maxTokens);
		}
		return model;
	}

	private static long count(JsonNode root, String field) throws InvalidModelException {
		JsonNode node = root.path(field);
		if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
			throw new InvalidModelException(field + " is not a count");
		}
		return node.asLong();
	}

}
