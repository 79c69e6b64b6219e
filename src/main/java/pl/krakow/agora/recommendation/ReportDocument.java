package pl.krakow.agora.recommendation;

import java.util.List;

import pl.krakow.agora.translation.LocalizedText;

/**
 * The parts of the report that are not recommendations: its title, introduction, chapter 1 (the
 * workflow scheme, with a text description of its diagram), the footnotes and the city units the
 * report's second footnote lists.
 */
public record ReportDocument(LocalizedText title, LocalizedText introduction, LocalizedText workflow,
        List<LocalizedText> footnotes, List<String> cityUnits) {
}
