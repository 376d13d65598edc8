package dev.commentmoderation.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded mix of comments as a news site gets them: mostly first-time authors, each from an IP of their own, plus
 * configurable shares of returning authors, duplicates, floods by IP and by author, comments with too many links
 * (held), blocked terms, spam markup and missing emails. The same seed gives the same bytes, so every measured
 * application reads the very same records.
 *
 * <p>
 * Returning authors and duplicates are drawn from comments of earlier rounds ({@link #newRound()}), each at most once:
 * the service's flood rule compares record timestamps with the author's previous comment, so an author returning
 * within the same burst would be a flood, not a return. The caller keeps the rounds more than the flood interval
 * apart.
 */
public final class CommentMix {

	/** What a comment is meant to exercise, and the outcome the default rules should give it. */
	public enum Kind {

		NEW_AUTHOR("APPROVED"), RETURNING_AUTHOR("APPROVED"), DUPLICATE("REJECTED DUPLICATE"),
		IP_FLOOD("REJECTED FLOOD"), AUTHOR_FLOOD("REJECTED FLOOD"), TOO_MANY_LINKS("HELD TOO_MANY_LINKS"),
		BLOCKED_TERM("REJECTED BLOCKED_TERM"), SPAM_PATTERN("REJECTED SPAM_PATTERN"),
		NO_EMAIL("REJECTED EMAIL_REQUIRED");

		private final String expected;

		Kind(String expected) {
			this.expected = expected;
		}

		public String expected() {
			return this.expected;
		}

	}

	/** The share of each kind but {@link Kind#NEW_AUTHOR}, which gets the rest. */
	public record Shares(double returning, double duplicate, double ipFlood, double authorFlood, double links,
			double blocked, double spam, double noEmail) {

		public static final Shares DEFAULT = new Shares(0.15, 0.02, 0.03, 0.02, 0.04, 0.01, 0.02, 0.02);

		public Shares {
			double sum = returning + duplicate + ipFlood + authorFlood + links + blocked + spam + noEmail;
			for (double share : new double[] { returning, duplicate, ipFlood, authorFlood, links, blocked, spam,
					noEmail }) {
				if (share < 0) {
					throw new IllegalArgumentException("A share of the comment mix is negative: " + share);
				}
			}
			if (sum > 1) {
				throw new IllegalArgumentException("The shares of the comment mix add up to more than 1: " + sum);
			}
		}

		/** Reads {@code mix.returning=0.2} style options; missing ones keep their default. */
		public static Shares of(Map<String, String> options) {
			return new Shares(share(options, "returning", DEFAULT.returning), share(options, "duplicate", DEFAULT.duplicate),
					share(options, "ip-flood", DEFAULT.ipFlood), share(options, "author-flood", DEFAULT.authorFlood),
					share(options, "links", DEFAULT.links), share(options, "blocked", DEFAULT.blocked),
					share(options, "spam", DEFAULT.spam), share(options, "no-email", DEFAULT.noEmail));
		}

		private static double share(Map<String, String> options, String name, double fallback) {
			String value = options.get("mix." + name);
			return (value == null) ? fallback : Double.parseDouble(value);
		}

		String describe() {
			return String.format(Locale.ROOT,
					"returning=%.2f duplicate=%.2f ip-flood=%.2f author-flood=%.2f links=%.2f blocked=%.2f spam=%.2f no-email=%.2f",
					this.returning, this.duplicate, this.ipFlood, this.authorFlood, this.links, this.blocked, this.spam,
					this.noEmail);
		}

	}

	/** One generated comment. */
	public record Comment(Kind kind, String commentId, byte[] json) {
	}

	/** The term the load tool configures as blocked (moderation.rules.blocked-terms) for the BLOCKED_TERM share. */
	public static final String BLOCKED_TERM = "casinobonus";

	private record Author(String name, String email, String ip) {
	}

	private record Said(Author author, String postId, String content) {
	}

	private static final String[] SENTENCES = { "Thanks for the write-up, very clear.",
			"I disagree: the numbers in the third paragraph do not add up.",
			"The council's own report gives different figures for last year.",
			"Ceci n'est pas un commentaire très long, mais il contient des caractères accentués: éàüö.",
			"My neighbourhood saw the same thing happen in 2019, and nobody asked the residents.",
			"Could you link the original study? See https://stats.example/2026 for what I found.",
			"Great reporting, please keep following this story.", "Who pays for this in the end? Not the developers.",
			"Interesting, but the headline overstates what the article actually says." };

	private final SplittableRandom random;

	private Shares shares;

	private final String runId;

	private final List<Said> earlier = new ArrayList<>();

	private final List<Said> current = new ArrayList<>();

	private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

	private int nextPoolIndex;

	private int sequence;

	private Author previous;

	public CommentMix(long seed, Shares shares) {
		this.random = new SplittableRandom(seed);
		this.shares = shares;
		this.runId = Long.toString(seed, 36);
	}

	public Shares shares() {
		return this.shares;
	}

	/** Other shares from the next comment on; the earlier rounds are kept. */
	public void useShares(Shares shares) {
		this.shares = shares;
	}

	/** Makes this round's comments available to later rounds as returning authors and duplicates. */
	public void newRound() {
		this.earlier.addAll(this.current);
		this.current.clear();
		this.counts.clear();
	}

	/** How many comments of each kind this round has produced so far. */
	public Map<Kind, Integer> counts() {
		return Map.copyOf(this.counts);
	}

	public Comment next(String commentId) {
		Kind kind = pick();
		String postId = "post-" + this.random.nextInt(200);
		Author author;
		String content;
		switch (kind) {
			case RETURNING_AUTHOR -> {
				author = fromEarlier().author();
				content = sentences();
			}
			case DUPLICATE -> {
				Said said = fromEarlier();
				author = said.author();
				postId = said.postId();
				content = said.content();
			}
			case IP_FLOOD -> {
				author = newAuthor(this.previous.ip());
				content = sentences();
			}
			case AUTHOR_FLOOD -> {
				author = this.previous;
				content = sentences();
			}
			case TOO_MANY_LINKS -> {
				author = newAuthor(null);
				content = "Sources: https://a.example/1 and https://b.example/2 and www.c.example/3. " + sentences();
			}
			case BLOCKED_TERM -> {
				author = newAuthor(null);
				content = sentences() + " Try " + BLOCKED_TERM + " tonight.";
			}
			case SPAM_PATTERN -> {
				author = newAuthor(null);
				content = "Visit [url=http://spam.example]cheap watches[/url] now";
			}
			case NO_EMAIL -> {
				Author anonymous = newAuthor(null);
				author = new Author(anonymous.name(), "", anonymous.ip());
				content = sentences();
			}
			default -> {
				author = newAuthor(null);
				content = sentences();
			}
		}
		this.counts.merge(kind, 1, Integer::sum);
		if (!author.email().isEmpty()) {
			this.previous = author;
		}
		if (kind == Kind.NEW_AUTHOR) {
			this.current.add(new Said(author, postId, content));
		}
		return new Comment(kind, commentId, json(commentId, postId, author, content));
	}

	private Kind pick() {
		boolean poolLeft = this.nextPoolIndex < this.earlier.size();
		double r = this.random.nextDouble();
		Shares s = this.shares;
		double[] bounds = { s.returning, s.duplicate, s.ipFlood, s.authorFlood, s.links, s.blocked, s.spam, s.noEmail };
		Kind[] kinds = { Kind.RETURNING_AUTHOR, Kind.DUPLICATE, Kind.IP_FLOOD, Kind.AUTHOR_FLOOD, Kind.TOO_MANY_LINKS,
				Kind.BLOCKED_TERM, Kind.SPAM_PATTERN, Kind.NO_EMAIL };
		double upTo = 0;
		for (int k = 0; k < kinds.length; k++) {
			upTo += bounds[k];
			if (r < upTo) {
				Kind kind = kinds[k];
				boolean needsPool = kind == Kind.RETURNING_AUTHOR || kind == Kind.DUPLICATE;
				boolean needsPrevious = kind == Kind.IP_FLOOD || kind == Kind.AUTHOR_FLOOD;
				if ((needsPool && !poolLeft) || (needsPrevious && this.previous == null)) {
					return Kind.NEW_AUTHOR;
				}
				return kind;
			}
		}
		return Kind.NEW_AUTHOR;
	}

	/** An earlier comment in seeded random order, each used once (its author returns once per run). */
	private Said fromEarlier() {
		int swap = this.nextPoolIndex + this.random.nextInt(this.earlier.size() - this.nextPoolIndex);
		Said chosen = this.earlier.get(swap);
		this.earlier.set(swap, this.earlier.get(this.nextPoolIndex));
		this.earlier.set(this.nextPoolIndex++, chosen);
		return chosen;
	}

	private Author newAuthor(String ip) {
		int n = this.sequence++;
		String address = (ip != null) ? ip
				: "10." + this.random.nextInt(256) + "." + this.random.nextInt(256) + "." + this.random.nextInt(1, 255);
		return new Author("Reader " + this.runId + "-" + n, "reader." + this.runId + "." + n + "@example.org", address);
	}

	private String sentences() {
		int count = 1 + this.random.nextInt(4);
		StringBuilder text = new StringBuilder();
		boolean linked = false;
		for (int i = 0; i < count; i++) {
			String sentence = SENTENCES[this.random.nextInt(SENTENCES.length)];
			if (sentence.contains("https://")) {
				if (linked) {
					continue; // one link at most: only the TOO_MANY_LINKS share is held
				}
				linked = true;
			}
			text.append((i == 0) ? "" : " ").append(sentence);
		}
		// a word of its own, so that two first-time comments are never the same text
		return text.append(" (").append(this.random.nextInt(1_000_000)).append(')').toString();
	}

	private static byte[] json(String commentId, String postId, Author author, String content) {
		return ("{\"commentId\":\"" + commentId + "\",\"postId\":\"" + postId
				+ "\",\"siteId\":\"example-news\",\"parentId\":null,\"author\":{\"name\":\"" + author.name()
				+ "\",\"email\":\"" + author.email() + "\",\"url\":\"https://reader.example\",\"ip\":\"" + author.ip()
				+ "\",\"userAgent\":\"Mozilla/5.0\"},\"content\":\"" + content
				+ "\",\"submittedAt\":\"2026-11-28T03:34:00Z\",\"formRenderedAt\":\"2026-11-28T03:33:10Z\",\"honeypot\":\"\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The old load tool's comments (an author every 1,000, an IP every 250), to measure what the mix changes. */
	public static byte[] legacy(String commentId, int i) {
		return LoadTool.comment(commentId, i);
	}

}
