package pl.krakow.agora.recommendation;

import org.jspecify.annotations.Nullable;

/** A resident's new recommendation, as typed into the form. */
public record Proposal(String title, String text, @Nullable Integer chapter) {
}
