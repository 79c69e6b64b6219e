package pl.krakow.agora.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import pl.krakow.agora.platform.AgoraException;

/** The text policy of issue 5, item 8, without Spring. */
class CommentTextTest {

    @Test
    void lineBreaksAreKeptAndSurroundingSpaceIsTrimmed() {
        assertThat(CommentText.normalize("  Dzień dobry,\r\nmam pytanie.\r\rDziękuję\t \n ", 5000))
                .isEqualTo("Dzień dobry,\nmam pytanie.\n\nDziękuję");
    }

    @Test
    void controlCharactersOtherThanLineFeedAndTabAreDropped() {
        assertThat(CommentText.normalize("a\u0000b\u0007c\u001bd\u007fe\u0085f\tg", 5000)).isEqualTo("abcdef\tg");
    }

    @Test
    void markupIsKeptAsTextNotInterpreted() {
        assertThat(CommentText.normalize("<script>alert(1)</script>", 5000)).isEqualTo("<script>alert(1)</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n\t", "\u00a0\u2003\u3000", "\u200b\u200c\u200d\ufeff", "\u202e\u2066",
            "\u2800\u3164", "\u0000\u0001"})
    void aTextWithNothingVisibleIsRefused(String text) {
        assertThatThrownBy(() -> CommentText.normalize(text, 5000)).isInstanceOf(AgoraException.class)
                .hasMessage("discussion.error.empty");
    }

    @Test
    void theLimitCountsWhatTheBrowserCountsAndIsInclusive() {
        assertThat(CommentText.normalize("x".repeat(10), 10)).hasSize(10);
        assertThatThrownBy(() -> CommentText.normalize("x".repeat(11), 10))
                .isInstanceOfSatisfying(AgoraException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("discussion.error.too-long");
                    assertThat(e.arguments()).containsExactly(10, 11);
                });
        // surrounding white space does not count against the limit
        assertThat(CommentText.normalize("  " + "x".repeat(10) + "\n\n", 10)).hasSize(10);
    }
}
