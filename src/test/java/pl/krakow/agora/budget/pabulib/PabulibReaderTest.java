package pl.krakow.agora.budget.pabulib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PabulibReaderTest {

    private static final String SMALL = """
            META
            key;value
            budget;1000.50
            vote_type;cumulative
            PROJECTS
            project_id;cost;name
            A;500.25;"Park ""Zielony""; etap 1"
            B;300;Ławki
            VOTES
            voter_id;vote;points;age
            1;A,B;3,2;30
            2;;;
            3;B;5
            """;

    @Test
    void readsSectionsQuotedFieldsDecimalsAndOptionalColumns() {
        PbFile f = PabulibReader.parse(SMALL);

        assertThat(f.budget()).isEqualByComparingTo("1000.50");
        assertThat(f.voteType()).isEqualTo(VoteType.CUMULATIVE);
        assertThat(f.projects()).extracting(PbProject::id).containsExactly("A", "B");
        assertThat(f.projects().get(0).cost()).isEqualByComparingTo("500.25");
        assertThat(f.projects().get(0).field("name")).isEqualTo("Park \"Zielony\"; etap 1");
        assertThat(f.votes()).hasSize(3);
        assertThat(f.votes().get(0).projects()).containsExactly("A", "B");
        assertThat(f.votes().get(0).points()).containsExactly(new BigDecimal("3"), new BigDecimal("2"));
        assertThat(f.votes().get(1).projects()).isEmpty();
        assertThat(f.votes().get(2).fields().get("age")).isEmpty();
    }

    @Test
    void acceptsUtf8BomAndWindowsLineEnds() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = SMALL.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);

        PbFile f = PabulibReader.read(all);

        assertThat(f.meta()).containsKey("budget");
        assertThat(f).isEqualTo(PabulibReader.parse(SMALL));
    }

    @Test
    void voteTypeDefaultsToApprovalWhenAbsent() {
        PbFile f = PabulibReader.parse(SMALL.replace("vote_type;cumulative\n", ""));
        assertThat(f.voteType()).isEqualTo(VoteType.APPROVAL);
    }

    private static void assertBroken(String text, int line, String fragment) {
        assertThatThrownBy(() -> PabulibReader.parse(text))
                .isInstanceOf(PabulibFormatException.class)
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(((PabulibFormatException) e).line()).isEqualTo(line));
    }

    @Test
    void badCostIsReportedWithItsLineNumber() {
        assertBroken(SMALL.replace("B;300;", "B;3O0;"), 8, "bad number \"3O0\" for cost of project B");
    }

    @Test
    void voteForUnknownProjectIsReportedWithItsLineNumber() {
        assertBroken(SMALL.replace("3;B;5", "3;C;5"), 13, "unknown project \"C\"");
    }

    @Test
    void pointsNotMatchingTheVoteAreReportedWithTheirLineNumber() {
        assertBroken(SMALL.replace("1;A,B;3,2;30", "1;A,B;3;30"), 11, "1 points for 2 projects");
    }

    @Test
    void unterminatedQuoteIsReportedWithItsLineNumber() {
        assertBroken(SMALL.replace("\"Park \"\"Zielony\"\"; etap 1\"", "\"Park"), 7, "unterminated quoted field");
    }

    @Test
    void tooManyFieldsAreReportedWithTheirLineNumber() {
        assertBroken(SMALL.replace("B;300;Ławki", "B;300;Ławki;extra"), 8, "4 fields but the PROJECTS header has 3");
    }

    @Test
    void missingRequiredColumnIsReportedAtTheHeader() {
        assertBroken(SMALL.replace("project_id;cost;name", "project_id;price;name"), 6, "no column \"cost\"");
    }

    @Test
    void textBeforeTheFirstSectionIsRejected() {
        assertBroken("hello\n" + SMALL, 1, "expected a section line");
    }

    @Test
    void duplicateProjectIsRejected() {
        assertBroken(SMALL.replace("B;300;Ławki", "A;300;Ławki"), 8, "project \"A\" appears twice");
    }

    @Test
    void unknownVoteTypeIsRejectedAtItsMetaLine() {
        assertBroken(SMALL.replace("cumulative", "quadratic"), 4, "unknown vote_type");
    }

    @Test
    void missingVotesSectionIsRejected() {
        String text = SMALL.substring(0, SMALL.indexOf("VOTES"));
        assertThatThrownBy(() -> PabulibReader.parse(text)).isInstanceOf(PabulibFormatException.class)
                .hasMessageContaining("no VOTES section");
    }

    @Test
    void invalidUtf8IsRejectedWithItsLineNumber() {
        byte[] bytes = "META\nkey;value\nbudget;1\u00FF\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> PabulibReader.read(bytes)).isInstanceOf(PabulibFormatException.class)
                .hasMessage("line 3: not valid UTF-8 text");
    }

    @Test
    void splitsCellsWithDoubledQuotes() {
        assertThat(PabulibReader.splitCells("a;\"b;\"\"c\"\"\";;d", 1)).containsExactly("a", "b;\"c\"", "", "d");
    }

    @Test
    void writerQuotesOnlyWhereNeeded() {
        assertThat(PabulibWriter.quote("plain")).isEqualTo("plain");
        assertThat(PabulibWriter.quote("a;b")).isEqualTo("\"a;b\"");
        assertThat(PabulibWriter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(List.of(PabulibWriter.quote(""))).containsExactly("");
    }
}
