package pl.krakow.agora.recommendation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The shape of the reviewed data file {@code recommendation/report-2023.json}: the report
 * transcribed by hand from the OCR'd original (Polish, diacritics restored), with the project
 * team's English translation of every text.
 */
record ReportData(Text reportTitle, Text introduction, List<String> cityUnits, Workflow workflow,
        List<Chapter> chapters, List<Footnote> footnotes) {

    record Text(String pl, String en) {
        boolean isEmpty() {
            return pl == null || pl.isBlank();
        }
    }

    record Workflow(Text text, @Nullable String scheme) {
    }

    record Chapter(int number, Text title, Text text, List<Section> sections) {
    }

    record Section(String number, Text title, Text text, @Nullable List<String> responsibleUnits,
            @Nullable List<String> targetGroups, List<Item> items) {
    }

    record Item(Text title, Text text, @Nullable List<String> responsibleUnits, @Nullable List<String> targetGroups) {
    }

    record Footnote(int number, String pl, String en) {
    }
}
