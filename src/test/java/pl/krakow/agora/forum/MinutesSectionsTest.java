package pl.krakow.agora.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Approved minutes are cut for translators at headings and never beyond what a translation may hold. */
class MinutesSectionsTest {

    @Test
    void aSectionPerHeadingAndTheTextComesBackWhole() {
        String text = "# Protokół z sesji nr 3 — Forum\nTermin: 1.12.2026\n# Obecność\n- A: obecna\n- B: nieobecny\n# 1. Budżet\nGłos zabrali: nikt";
        List<String> sections = ForumMinutes.sections(text);
        assertThat(sections).containsExactly("# Protokół z sesji nr 3 — Forum\nTermin: 1.12.2026",
                "# Obecność\n- A: obecna\n- B: nieobecny", "# 1. Budżet\nGłos zabrali: nikt");
        assertThat(String.join("\n", sections)).isEqualTo(text);
    }

    @Test
    void aLongSectionIsCutAtLineEndsAndAVeryLongLineAtASpace() {
        String line = "Wypowiedź " + "słowo ".repeat(1_000); // about 7,000 characters
        String longLine = "Tekst " + "bardzodługiesłowo ".repeat(2_000); // about 36,000 characters
        String text = "# 1. Punkt\n" + line + "\n" + line + "\n" + line + "\n" + longLine + "\n# 2. Dalej";
        List<String> sections = ForumMinutes.sections(text);
        assertThat(sections).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(ForumMinutes.SECTION_CHARS));
        assertThat(sections.getLast()).isEqualTo("# 2. Dalej");
        assertThat(String.join("", sections).replaceAll("\\s", ""))
                .as("nothing lost but the breaks").isEqualTo(text.replaceAll("\\s", ""));
        assertThat(sections.get(0)).startsWith("# 1. Punkt\n" + line.strip());
    }
}
