package pl.krakow.agora.discussion.ui;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Splits a plain text into text and web addresses (issue 5, item 8), as data only: the caller turns
 * the pieces into DOM text nodes and anchors, never into an HTML string. Only absolute http and https
 * addresses with a host and without user information become links; anything else ("javascript:",
 * "data:", "//host", an address with "user@" before the host) stays text. An address stops at white
 * space, quotes, angle brackets and invisible or bidirectional control characters, and loses trailing
 * punctuation and unbalanced closing brackets, as in "(see https://example.org/a)."
 */
final class Links {

    /** A piece of the text; {@code href} is set for a link (its ASCII form), null for plain text. */
    record Segment(String text, @Nullable String href) {
    }

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?i)\\bhttps?://[^\\s<>\"'`\\u00A0\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\u3000\\uFEFF]+");
    private static final String TRAILING = ".,;:!?*'\"…";

    private Links() {
    }

    static List<Segment> split(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        int at = 0;
        while (m.find()) {
            String candidate = trim(m.group());
            String href = href(candidate);
            if (href == null) {
                continue;
            }
            int start = m.start();
            if (start > at) {
                segments.add(new Segment(text.substring(at, start), null));
            }
            segments.add(new Segment(candidate, href));
            at = start + candidate.length();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }

    private static String trim(String url) {
        String s = url;
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            char last = s.charAt(s.length() - 1);
            if (TRAILING.indexOf(last) >= 0
                    || last == ')' && count(s, '(') < count(s, ')')
                    || last == ']' && count(s, '[') < count(s, ']')
                    || last == '}' && count(s, '{') < count(s, '}')) {
                s = s.substring(0, s.length() - 1);
                changed = true;
            }
        }
        return s;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    /** The address to link to, or null when the text must not become a link. */
    static @Nullable String href(String candidate) {
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
                return null;
            }
            return uri.toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
