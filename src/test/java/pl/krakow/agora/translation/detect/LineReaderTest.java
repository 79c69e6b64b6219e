package pl.krakow.agora.translation.detect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    private static List<String> lines(byte[] input) {
        var reader = new LineReader(new ByteArrayInputStream(input));
        var lines = new ArrayList<String>();
        for (String line; (line = reader.readLine()) != null; ) {
            lines.add(line);
        }
        return lines;
    }

    private static List<String> lines(String input) {
        return lines(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtNewlineOnlyAndDropsCrBeforeIt() {
        assertThat(lines("a\r\nb\n\nc\rd\n")).containsExactly("a", "b", "", "c\rd");
    }

    @Test
    void lastLineWithoutTerminatorCounts() {
        assertThat(lines("a\nb")).containsExactly("a", "b");
        assertThat(lines("a\nb\r")).containsExactly("a", "b");
        assertThat(lines("")).isEmpty();
        assertThat(lines("\n")).containsExactly("");
    }

    @Test
    void longLinesSpanBuffers() {
        String longLine = "ż".repeat(100_000);

        assertThat(lines(longLine + "\nx\n")).containsExactly(longLine, "x");
    }

    @Test
    void malformedUtf8BecomesReplacementCharacter() {
        assertThat(lines(new byte[]{'a', (byte) 0xC3, '\n'})).containsExactly("a\uFFFD");
    }

    @Test
    void batchesStopAtTheLimit() {
        var reader = new LineReader(new ByteArrayInputStream("1\n2\n3\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(reader.readBatch(2)).containsExactly("1", "2");
        assertThat(reader.readBatch(2)).containsExactly("3");
        assertThat(reader.readBatch(2)).isEmpty();
    }
}
