package dev.commentmoderation.rules;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The website, when given, must be an absolute {@code http} or {@code https} URL with a host
 * ("https://jane.example/path?q=1"). "javascript:...", "ftp://x", "not a url" and "http://" are invalid.
 * Internationalized host names are converted with {@link IDN#toASCII(String)} before parsing with
 * {@link URI} (a linear, hand-written parser: no regular expressions on hostile input).
 */
final class WebsiteCheck implements ModerationRule {

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		String url = comment.author().url();
		if (Text.isBlank(url)) {
			return;
		}
		if (!isHttpUrl(url)) {
			reasons.add(new Reason(ReasonCode.URL_INVALID, Field.URL.path(),
					"Please enter a valid website address starting with http:// or https://."));
		}
	}

	static boolean isHttpUrl(String value) {
		String url = Text.strip(value);
		try {
			URI uri = new URI(withAsciiHost(url));
			String scheme = uri.getScheme();
			if (scheme == null || uri.isOpaque()) {
				return false;
			}
			scheme = scheme.toLowerCase(Locale.ROOT);
			String host = uri.getHost();
			return (scheme.equals("http") || scheme.equals("https")) && host != null && !host.isEmpty();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** Replaces a non-ASCII host by its IDNA (punycode) form; returns the URL unchanged otherwise. */
	private static String withAsciiHost(String url) {
		if (url.chars().allMatch(c -> c < 0x80)) {
			return url;
		}
		int schemeEnd = url.indexOf("://");
		if (schemeEnd < 0) {
			return url;
		}
		int authorityStart = schemeEnd + 3;
		int authorityEnd = url.length();
		for (int i = authorityStart; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				authorityEnd = i;
				break;
			}
		}
		String authority = url.substring(authorityStart, authorityEnd);
		int at = authority.lastIndexOf('@');
		String userInfo = authority.substring(0, at + 1);
		String hostAndPort = authority.substring(at + 1);
		if (hostAndPort.startsWith("[")) {
			return url;
		}
		int colon = hostAndPort.lastIndexOf(':');
		String host = colon >= 0 ? hostAndPort.substring(0, colon) : hostAndPort;
		String port = colon >= 0 ? hostAndPort.substring(colon) : "";
		return url.substring(0, authorityStart) + userInfo + IDN.toASCII(host) + port + url.substring(authorityEnd);
	}

}
