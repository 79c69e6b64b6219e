package pl.krakow.agora.discussion;

import pl.krakow.agora.platform.AgoraException;

/**
 * What a comment's text may be (issue 5, item 8), as a small pure policy: line breaks are kept
 * (as {@code \n}), control characters other than line feed and tab are dropped, surrounding white
 * space is trimmed, a text with nothing visible in it is refused (white space, and invisible format
 * characters such as zero-width spaces or bidirectional marks, count as nothing), and so is a text
 * longer than the limit. The length is counted in UTF-16 units, as the browser's {@code maxlength}
 * counts, so that the live counter and the rule agree.
 */
final class CommentText {

    private CommentText() {
    }

    static String normalize(String raw, int maxLength) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || Character.getType(cp) != Character.CONTROL) {
                kept.appendCodePoint(cp);
            }
        });
        String result = kept.toString().strip();
        if (!hasVisibleCharacter(result)) {
            throw new AgoraException("discussion.error.empty");
        }
        if (result.length() > maxLength) {
            throw new AgoraException("discussion.error.too-long", maxLength, result.length());
        }
        return result;
    }

    private static boolean hasVisibleCharacter(String text) {
        return text.codePoints().anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && Character.getType(cp) != Character.FORMAT && cp != '\u2800' && cp != '\u3164' && cp != '\uFFA0');
    }
}
