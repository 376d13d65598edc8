package dev.commentmoderation.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.commentmoderation.rules.Author;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.NormalizedContent;
import dev.commentmoderation.rules.NormalizedText;
import dev.commentmoderation.rules.TextNormalizer;

/**
 * The tokens of a comment, each counted once (as Bogofilter does), in the order first seen:
 * <ul>
 * <li>{@code w:} words of the content and {@code b:} pairs of consecutive words, after the term matcher's folding
 * ({@link TextNormalizer}: NFKC casefold, accents, invisible characters, confusable skeletons) and, in a word that
 * has a letter, the usual digit and symbol stand-ins for letters ({@code 0 1 3 4 5 7 @ $} as
 * {@code o i e a s t a s}), so "V1agra", "ＶＩＡＧＲＡ", "vi\u200Bagra" and "viаgra" (Cyrillic a) all give
 * {@code w:viagra};</li>
 * <li>{@code c:} character {@value #NGRAM}-grams of those words, which still match a word split or padded in a way
 * the folding does not undo;</li>
 * <li>{@code host:} each link host in the content, and its last two labels ({@code host:example.com} for
 * {@code shop.example.com});</li>
 * <li>{@code links:} the number of links, bucketed: 0, 1, 2, 3+ (the rules' count, see {@link LinkScan});</li>
 * <li>{@code name:} words of the author name, {@code edom:} the author email's domain, {@code web:} the host of the
 * author's website.</li>
 * </ul>
 * Content tokens carry their code point range in the original content. Only the first
 * {@value #MAX_CONTENT_CHARS} chars of the content are read, so a hostile comment costs a bounded time.
 */
public final class Features {

	/** The n of the character n-grams: 3 did best of 3, 4, 5 and none on the training split (docs/classifier.md). */
	static final int NGRAM = 3;

	static final int MAX_CONTENT_CHARS = 8192;

	/** Longer runs of word characters are not words (base64, hashes, keyboard mashing): one token for them all. */
	static final int MAX_WORD_CHARS = 40;

	/** Character n-grams taken from one comment at most (a 1 KB comment has a few hundred). */
	static final int MAX_GRAMS = 4096;


	private final List<Token> tokens;

	private Features(List<Token> tokens) {
		this.tokens = tokens;
	}

	/** The deduplicated tokens, first occurrence first. */
	public List<Token> tokens() {
		return this.tokens;
	}

	/** The token texts only, as the model learns them. */
	public List<String> texts() {
		List<String> texts = new ArrayList<>(this.tokens.size());
		this.tokens.forEach(token -> texts.add(token.text()));
		return texts;
	}

	public static Features of(Comment comment) {
		return of(comment, NormalizedContent.of(comment));
	}

	/** The same, folding the content through {@code normalized} (the comment's), shared with the rules. */
	public static Features of(Comment comment, NormalizedContent normalized) {
		Map<String, Token> seen = new LinkedHashMap<>();
		String content = comment.content();
		if (content != null) {
			String window = window(content);
			contentWords(normalized.normalize(window), seen);
			LinkScan scan = LinkScan.of(window);
			linkHosts(window, scan, seen);
			int links = scan.count();
			add(seen, Token.of("links:" + ((links >= 3) ? "3+" : String.valueOf(links))));
		}
		Author author = comment.author();
		if (author.name() != null) {
			for (Word word : words(TextNormalizer.normalize(author.name()))) {
				add(seen, Token.of("name:" + word.text()));
			}
		}
		String domain = emailDomain(author.email());
		if (domain != null) {
			add(seen, Token.of("edom:" + domain));
		}
		if (author.url() != null) {
			List<int[]> hosts = LinkScan.of(author.url()).hosts();
			if (!hosts.isEmpty()) {
				add(seen, Token.of("web:" + host(author.url().substring(hosts.get(0)[0], hosts.get(0)[1]))));
			}
		}
		return new Features(List.copyOf(seen.values()));
	}

	private static void contentWords(NormalizedText normalized, Map<String, Token> seen) {
		List<Word> words = words(normalized);
		Word previous = null;
		for (Word word : words) {
			add(seen, new Token("w:" + word.text(), word.start(), word.end()));
			if (previous != null) {
				add(seen, new Token("b:" + previous.text() + " " + word.text(), previous.start(), word.end()));
			}
			previous = word;
		}
		int grams = 0;
		for (Word word : words) {
			String chars = word.chars();
			for (int i = 0; i + NGRAM <= chars.length() && chars.length() > NGRAM && grams < MAX_GRAMS; i++, grams++) {
				int from = word.normalizedStart() + i;
				add(seen, new Token("c:" + chars.substring(i, i + NGRAM), normalized.originOf(from),
						normalized.originOf(from + NGRAM - 1) + 1));
			}
		}
	}

	private static void linkHosts(String content, LinkScan scan, Map<String, Token> seen) {
		for (int[] span : scan.hosts()) {
			String host = host(content.substring(span[0], span[1]));
			int start = content.codePointCount(0, span[0]);
			int end = start + content.codePointCount(span[0], span[1]);
			add(seen, new Token("host:" + host, start, end));
			String parent = lastTwoLabels(host);
			if (!parent.equals(host)) {
				add(seen, new Token("host:" + parent, start, end));
			}
		}
	}

	/**
	 * A word of folded text: its token text, its folded chars (n-grams are read from them, also for a run too long to
	 * be a word, such as unspaced CJK text), where they start in the normalized text (one folded char per normalized
	 * char) and its code point range in the original value.
	 */
	private record Word(String text, String chars, int normalizedStart, int start, int end) {
	}

	private static List<Word> words(NormalizedText normalized) {
		String text = normalized.normalized();
		List<Word> words = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			if (!isWordChar(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < text.length() && isWordChar(text.charAt(i))) {
				i++;
			}
			int end = i;
			// '@' and '$' stand for letters in a word that has letters ("$ave", "fr@ud"), not around a number
			if (!hasLetter(text, start, end)) {
				while (start < end && isSymbol(text.charAt(start))) {
					start++;
				}
				while (end > start && isSymbol(text.charAt(end - 1))) {
					end--;
				}
			}
			if (start == end) {
				continue;
			}
			String folded = fold(text, start, end);
			String word = (folded.length() > MAX_WORD_CHARS) ? "#long" : folded;
			words.add(new Word(word, folded, start, normalized.originOf(start), normalized.originOf(end - 1) + 1));
		}
		return words;
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || isSymbol(c);
	}

	private static boolean isSymbol(char c) {
		return c == '@' || c == '$';
	}

	private static boolean hasLetter(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (Character.isLetter(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** The word with stand-ins folded to letters when it has a letter; numbers stay numbers. */
	private static String fold(String text, int start, int end) {
		if (!hasLetter(text, start, end)) {
			return text.substring(start, end);
		}
		StringBuilder word = new StringBuilder(end - start);
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			word.append(switch (c) {
				case '0' -> 'o';
				case '1' -> 'i';
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				default -> c;
			});
		}
		return word.toString();
	}

	private static String host(String raw) {
		String host = TextNormalizer.normalize(raw).normalized();
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		return host.startsWith("www.") ? host.substring(4) : host;
	}

	private static String lastTwoLabels(String host) {
		int last = host.lastIndexOf('.');
		if (last <= 0) {
			return host;
		}
		int previous = host.lastIndexOf('.', last - 1);
		return (previous < 0) ? host : host.substring(previous + 1);
	}

	private static String emailDomain(String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		if (at < 0 || at == email.length() - 1) {
			return null;
		}
		return email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
	}

	private static String window(String content) {
		if (content.length() <= MAX_CONTENT_CHARS) {
			return content;
		}
		int cut = MAX_CONTENT_CHARS;
		if (Character.isHighSurrogate(content.charAt(cut - 1))) {
			cut--;
		}
		return content.substring(0, cut);
	}

	private static void add(Map<String, Token> seen, Token token) {
		seen.putIfAbsent(token.text(), token);
	}

}
