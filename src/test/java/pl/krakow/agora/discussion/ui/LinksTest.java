package pl.krakow.agora.discussion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pl.krakow.agora.discussion.ui.Links.Segment;

/** Which parts of a comment become links (issue 5, item 8): http and https only, cut cleanly. */
class LinksTest {

    @Test
    void anAddressInATextBecomesALinkAndTheRestStaysText() {
        assertThat(Links.split("Zobacz https://www.krakow.pl/otwarty i napisz."))
                .containsExactly(new Segment("Zobacz ", null),
                        new Segment("https://www.krakow.pl/otwarty", "https://www.krakow.pl/otwarty"),
                        new Segment(" i napisz.", null));
    }

    @Test
    void trailingPunctuationAndUnbalancedBracketsAreNotPartOfTheAddress() {
        assertThat(Links.split("(https://example.org/a_(b)), http://example.org/x.").stream()
                .filter(s -> s.href() != null).map(Segment::text).toList())
                .containsExactly("https://example.org/a_(b)", "http://example.org/x");
    }

    @Test
    void nonAsciiPathsAreLinkedInTheirEncodedForm() {
        List<Segment> segments = Links.split("https://pl.wikipedia.org/wiki/Kraków");
        assertThat(segments).hasSize(1);
        assertThat(segments.getFirst().text()).isEqualTo("https://pl.wikipedia.org/wiki/Kraków");
        assertThat(segments.getFirst().href()).isEqualTo("https://pl.wikipedia.org/wiki/Krak%C3%B3w");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
            "vbscript:msgbox(1)", "//evil.example/x.js", "ftp://example.org/file", "https://user:pass@evil.example/",
            "https://google.com@evil.example/", "https://", "http:///path", "mailto:a@example.org"})
    void onlyAbsoluteHttpAddressesWithAHostAndNoUserInformationAreLinked(String text) {
        assertThat(Links.split(text)).allSatisfy(s -> assertThat(s.href()).isNull());
    }

    @Test
    void quotesAngleBracketsAndInvisibleCharactersEndAnAddress() {
        assertThat(Links.split("https://example.org/\"onmouseover=\"alert(1)").getFirst().href())
                .isEqualTo("https://example.org/");
        assertThat(Links.split("https://example.org/<script>").getFirst().href()).isEqualTo("https://example.org/");
        assertThat(Links.split("https://example.org/\u202eexe.txt").getFirst().href()).isEqualTo("https://example.org/");
        assertThat(Links.split("https://example.org/a\u200bb").getFirst().href()).isEqualTo("https://example.org/a");
    }

    @Test
    void theSegmentsTogetherAreExactlyTheText() {
        String text = "a https://x.example/1 b http://y.example c javascript:z https://z.example/(p).";
        assertThat(String.join("", Links.split(text).stream().map(Segment::text).toList())).isEqualTo(text);
    }
}
