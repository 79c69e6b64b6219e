package pl.krakow.agora.recommendation;

import pl.krakow.agora.translation.LocalizedText;

/** A chapter of the report with how many recommendations it holds. */
public record ChapterSummary(int number, LocalizedText title, LocalizedText intro, int sections, int items) {
}
