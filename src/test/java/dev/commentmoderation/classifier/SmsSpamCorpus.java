package dev.commentmoderation.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SMS Spam Collection (src/test/resources/.../classifier/corpus, CC BY 4.0) as labeled CommentSubmitted events
 * with a fixed split: the lines shuffled with {@code new Random(SEED)}, the first half for training (in that order,
 * the order verdicts arrive), the second for testing.
 * <p>
 * What an SMS lacks is made up plainly and identically for spam and ham, so no field but the text tells them apart:
 * one site, the post {@code post-(i % 50)}, the author "Reader N" with email {@code readerN@example.com|net|org}
 * (by N % 3) and IP from the TEST-NET ranges, where N is the line number in the collection (distinct authors);
 * submitted a minute apart from 2026-01-01, each form rendered 60 s before. The text is the message unchanged
 * (HTML entities such as {@code &lt;} included, as the collection has them).
 */
public final class SmsSpamCorpus {

	public static final long SEED = 20_260_101L;

	static final String RESOURCE = "/dev/commentmoderation/classifier/corpus/SMSSpamCollection.tsv";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private static final String[] TLDS = { "com", "net", "org" };

	/** The training and test halves, each a list of JSON lines. */
	public record Split(List<String> train, List<String> test) {
	}

	private SmsSpamCorpus() {
	}

	public static Split split() throws IOException {
		List<String> lines = read();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(SEED));
		List<String> events = new ArrayList<>(lines.size());
		for (int position = 0; position < order.size(); position++) {
			int index = order.get(position);
			events.add(event(position, index + 1, lines.get(index)));
		}
		int half = events.size() / 2;
		return new Split(List.copyOf(events.subList(0, half)), List.copyOf(events.subList(half, events.size())));
	}

	private static List<String> read() throws IOException {
		try (InputStream in = SmsSpamCorpus.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IOException("missing " + RESOURCE);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<String> lines = new ArrayList<>();
			for (String line : text.split("\n")) {
				if (!line.isEmpty()) {
					lines.add(line);
				}
			}
			return lines;
		}
	}

	private static String event(int position, int lineNumber, String line) {
		int tab = line.indexOf('\t');
		String label = line.substring(0, tab);
		if (!label.equals("spam") && !label.equals("ham")) {
			throw new IllegalStateException("line " + lineNumber + " has label " + label);
		}
		Instant submitted = START.plusSeconds(60L * position);
		ObjectNode event = JSON.createObjectNode();
		event.put("commentId", "sms-" + lineNumber);
		event.put("postId", "post-" + (position % 50));
		event.put("siteId", "sms-corpus");
		ObjectNode author = event.putObject("author");
		author.put("name", "Reader " + lineNumber);
		author.put("email", "reader" + lineNumber + "@example." + TLDS[lineNumber % 3]);
		author.put("ip", "198.51." + (100 + lineNumber / 256 % 100) + "." + (lineNumber % 256));
		event.put("content", line.substring(tab + 1));
		event.put("submittedAt", submitted.toString());
		event.put("formRenderedAt", submitted.minusSeconds(60).toString());
		event.put("label", label);
		return JSON.writeValueAsString(event);
	}

}
