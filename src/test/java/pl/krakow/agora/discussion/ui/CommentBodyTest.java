package pl.krakow.agora.discussion.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.vaadin.flow.dom.Element;

import org.junit.jupiter.api.Test;

/**
 * A comment's text becomes text nodes and safe anchors only, for every payload of the XSS corpus
 * (src/test/resources/xss-corpus.txt): no other element, no attribute a user chose, no script URL.
 */
class CommentBodyTest {

    static List<String> corpus() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/xss-corpus.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void theCorpusHasAtLeastFiftyPayloads() throws IOException {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50).doesNotContain("");
    }

    @Test
    void everyPayloadBecomesTextNodesAndSafeAnchorsOnly() throws IOException {
        for (String payload : corpus()) {
            Element body = new CommentBody(payload).getElement();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < body.getChildCount(); i++) {
                Element child = body.getChild(i);
                if (child.isTextNode()) {
                    text.append(child.getText());
                    continue;
                }
                assertThat(child.getTag()).as("element made of %s", payload).isEqualTo("a");
                assertThat(child.getAttributeNames().toList()).as("attributes of a link in %s", payload)
                        .containsExactlyInAnyOrder("href", "target", "rel", "router-ignore", "class");
                assertThat(child.getAttribute("href")).as("href in %s", payload).matches("https?://[^\\s\"'<>]+");
                assertThat(child.getAttribute("rel")).isEqualTo("nofollow ugc noopener");
                assertThat(child.getAttribute("target")).isEqualTo("_blank");
                assertThat(child.getChildCount()).isEqualTo(1);
                assertThat(child.getChild(0).isTextNode()).isTrue();
                text.append(child.getText());
            }
            assertThat(text.toString()).as("the text of %s, unchanged", payload).isEqualTo(payload);
        }
    }

    @Test
    void plainTextKeepsItsLineBreaksForPreWrap() {
        Element body = new CommentBody("pierwsza\ndruga").getElement();
        assertThat(body.getTextRecursively()).isEqualTo("pierwsza\ndruga");
        assertThat(body.getClassList()).contains("agora-comment-body");
        assertThat(body.getAttribute("dir")).isEqualTo("auto");
    }
}
