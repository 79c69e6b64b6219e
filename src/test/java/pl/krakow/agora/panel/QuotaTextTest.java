package pl.krakow.agora.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import pl.krakow.agora.panel.sortition.PublicLottery;
import pl.krakow.agora.platform.AgoraException;

/** The text form of categories and schedules, and the published order of alternates. */
class QuotaTextTest {

    @Test
    void categoriesAreReadWithValuesThatContainDigitsAndDashes() {
        List<PanelDefinition.CategorySpec> c = QuotaText.categories("""
                Wiek: 18–34 5-9; 35–64 7-11; 65+ 3-6

                Dzielnica: Nowa Huta 4 - 8; Stare Miasto 0–2
                """);
        assertThat(c).hasSize(2);
        assertThat(c.get(0).values()).containsExactly(new PanelDefinition.ValueSpec("18–34", 5, 9),
                new PanelDefinition.ValueSpec("35–64", 7, 11), new PanelDefinition.ValueSpec("65+", 3, 6));
        assertThat(c.get(1).values()).containsExactly(new PanelDefinition.ValueSpec("Nowa Huta", 4, 8),
                new PanelDefinition.ValueSpec("Stare Miasto", 0, 2));
        assertThat(QuotaText.categories(QuotaText.format(c))).isEqualTo(c);
    }

    @Test
    void badLinesAreRefusedWithTheirNumber() {
        assertThatThrownBy(() -> QuotaText.categories("Płeć: kobieta 1-2\nWiek 18-34 1-2"))
                .isInstanceOf(AgoraException.class).hasMessage("panel.create.error.category-line")
                .satisfies(e -> assertThat(((AgoraException) e).arguments()[0]).isEqualTo(2));
        assertThatThrownBy(() -> QuotaText.categories("Płeć: kobieta; mężczyzna 1-2"))
                .hasMessage("panel.create.error.value");
        assertThatThrownBy(() -> QuotaText.meetings("2026-13-01 17:00, sala"))
                .hasMessage("panel.create.error.meeting-line");
        assertThat(QuotaText.meetings("2026-12-10 17:00, Urząd Miasta, sala 201")).containsExactly(
                new PanelDefinition.MeetingSpec(LocalDateTime.of(2026, 12, 10, 17, 0), "Urząd Miasta, sala 201"));
    }

    @Test
    void alternatesAreTheReserveInTheOrderOfTheDocumentedShuffle() {
        int[] reserve = {3, 8, 11, 20, 42};
        int[] expected = reserve.clone();
        PublicLottery lottery = new PublicLottery("seed/alternates-order");
        for (int i = 0; i < expected.length - 1; i++) {
            int j = i + lottery.uniformInt(expected.length - i);
            int t = expected[i];
            expected[i] = expected[j];
            expected[j] = t;
        }
        assertThat(DrawRunner.alternatesInOrder(reserve, "seed", 3)).containsExactly(expected[0], expected[1], expected[2]);
        assertThat(DrawRunner.alternatesInOrder(reserve, "seed", 9)).hasSize(5).containsExactlyInAnyOrder(reserve);
    }
}
