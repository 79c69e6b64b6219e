package pl.krakow.agora.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Pins the report as transcribed by hand from the OCR'd original (issue 5, item 1): the counts
 * below were counted by hand in the source, chapter by chapter, and the Polish must be free of the
 * OCR's typical damage.
 */
class ReportDataTest {

    static final ReportData REPORT = ReportLoader.read();

    /** chapter → {sections (all levels), items (bullets)}, counted by hand. */
    static final Map<Integer, int[]> COUNTS = new LinkedHashMap<>();
    static {
        COUNTS.put(1, new int[] {0, 0});
        COUNTS.put(2, new int[] {6, 10});
        COUNTS.put(3, new int[] {8, 0});
        COUNTS.put(4, new int[] {12, 0});
        COUNTS.put(5, new int[] {5, 12});
        COUNTS.put(6, new int[] {5, 13});
        COUNTS.put(7, new int[] {30, 36});
        COUNTS.put(8, new int[] {7, 30});
        COUNTS.put(9, new int[] {5, 18});
        COUNTS.put(10, new int[] {3, 0});
        COUNTS.put(11, new int[] {5, 0});
        COUNTS.put(12, new int[] {4, 11});
        COUNTS.put(13, new int[] {3, 9});
    }

    /** What the OCR made of Polish letters ("wspétpracy", "ttumacz", "mniejszos$ci", "zostaty", "sg"). */
    static final Pattern OCR_DAMAGE = Pattern.compile("[$é¢«»®]|ttum|wtg|\\bsg\\b|\\bmogg\\b|zostaty|dziata|spotecz");

    @Test
    void theReportHasThirteenChaptersWithTheSectionsAndItemsCountedByHand() {
        assertThat(REPORT.chapters()).extracting(ReportData.Chapter::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        for (ReportData.Chapter chapter : REPORT.chapters()) {
            int[] expected = COUNTS.get(chapter.number());
            assertThat(chapter.sections()).as("sections of chapter %d", chapter.number()).hasSize(expected[0]);
            assertThat(chapter.sections().stream().mapToInt(s -> s.items().size()).sum())
                    .as("items of chapter %d", chapter.number()).isEqualTo(expected[1]);
        }
        assertThat(REPORT.chapters().stream().mapToInt(c -> c.sections().size()).sum()).isEqualTo(93);
        assertThat(REPORT.chapters().stream().flatMap(c -> c.sections().stream()).mapToInt(s -> s.items().size()).sum())
                .isEqualTo(139);
    }

    @Test
    void sectionNumbersRunFromTwoPointOneToThirteenPointThreeWithThreeLevelsInChapterSeven() {
        List<String> numbers = REPORT.chapters().stream().flatMap(c -> c.sections().stream())
                .map(ReportData.Section::number).toList();
        assertThat(numbers).first().isEqualTo("2.1");
        assertThat(numbers).last().isEqualTo("13.3");
        assertThat(numbers).doesNotHaveDuplicates().contains("4.10", "7.1.6", "7.3.15");
        for (ReportData.Chapter chapter : REPORT.chapters()) {
            chapter.sections().forEach(s -> assertThat(s.number()).matches(chapter.number() + "(\\.\\d{1,2}){1,2}"));
        }
    }

    @Test
    void thePolishIsRepairedAndEveryTextHasTheProjectTeamsEnglish() {
        List<ReportData.Text> texts = new ArrayList<>(List.of(REPORT.reportTitle(), REPORT.introduction(),
                REPORT.workflow().text()));
        for (ReportData.Chapter chapter : REPORT.chapters()) {
            texts.add(chapter.title());
            for (ReportData.Section section : chapter.sections()) {
                texts.add(section.title());
                texts.add(section.text());
                for (ReportData.Item item : section.items()) {
                    assertThat(item.title().pl()).as(section.number()).isNotBlank();
                    assertThat(item.text().pl()).as(section.number()).isNotBlank();
                    texts.add(item.title());
                    texts.add(item.text());
                }
            }
        }
        for (ReportData.Text text : texts) {
            assertThat(OCR_DAMAGE.matcher(text.pl()).find()).as("OCR damage in: %s", text.pl()).isFalse();
            if (!text.pl().isBlank()) {
                assertThat(text.en()).as("English for: %s", text.pl()).isNotBlank();
            }
        }
        assertThat(REPORT.introduction().pl()).contains("Żydowskie Stowarzyszenie Czulent", "współpracy");
    }

    @Test
    void frontMatterHasTheFiveFootnotesAndTheCityUnitsOfFootnoteTwo() {
        assertThat(REPORT.footnotes()).extracting(ReportData.Footnote::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(REPORT.cityUnits()).hasSize(17).contains("Urząd Miasta Krakowa", "Straż Miejska",
                "Miejski Ośrodek Pomocy Społecznej");
    }

    @Test
    void everyTargetGroupIsOneTheCatalogueKnowsAndEveryRecommendationHasOne() {
        for (ReportData.Chapter chapter : REPORT.chapters()) {
            for (ReportData.Section section : chapter.sections()) {
                assertThat(section.targetGroups()).as(section.number()).isNotEmpty();
                section.targetGroups().forEach(TargetGroup::valueOf);
                section.items().forEach(item -> {
                    assertThat(item.targetGroups()).as(section.number()).isNotEmpty();
                    item.targetGroups().forEach(TargetGroup::valueOf);
                });
            }
        }
    }
}
