package pl.krakow.agora.budget;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An author's appeal against a rejection, and its decision once made (UPHELD or DISMISSED). */
public record Appeal(String text, Instant filedAt, @Nullable String decision, @Nullable String decisionText) {
}
