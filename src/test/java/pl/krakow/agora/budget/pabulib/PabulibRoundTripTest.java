package pl.krakow.agora.budget.pabulib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import pl.krakow.agora.budget.tally.SharedData;

/** file → model → file keeps the content, on every shared Pabulib file. */
class PabulibRoundTripTest {

    static Stream<String> files() {
        return Stream.of("Poland_Wieliczka_2023_Green_Budget.pb", "Poland_Czestochowa_2024_Podjasnogorska.pb",
                "Poland_Krakow_2022_Stare_Miasto.pb", "Poland_Zabrze_2021_Konczyce.pb");
    }

    @ParameterizedTest
    @MethodSource("files")
    void writtenFileParsesToAnEqualModel(String name) throws IOException {
        Path path = SharedData.pbFile(name);
        PbFile first = PabulibReader.read(path);

        String written = PabulibWriter.toText(first);
        PbFile second = PabulibReader.parse(written);

        assertThat(second).isEqualTo(first);
        assertThat(second.votes()).hasSize(Integer.parseInt(first.meta().get("num_votes")));
        assertThat(second.projects()).hasSize(Integer.parseInt(first.meta().get("num_projects")));
    }

    @ParameterizedTest
    @MethodSource("files")
    void writtenFileKeepsTheOriginalTextUpToLineEnds(String name) throws IOException {
        String original = Files.readString(SharedData.pbFile(name), StandardCharsets.UTF_8);

        String written = PabulibWriter.toText(PabulibReader.parse(original));

        assertThat(normalize(written)).isEqualTo(normalize(original));
        assertThat(written).doesNotContain("\n\n").contains("\r\n");
    }

    private static String normalize(String s) {
        return s.replace("\uFEFF", "").replace("\r\n", "\n").strip();
    }
}
