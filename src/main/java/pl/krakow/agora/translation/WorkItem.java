package pl.krakow.agora.translation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.platform.ContentRef;

/**
 * A translation task as a translator or reviewer works on it: the original beside the work so far.
 *
 * @param translation  the submitted (or returned) translation, null while none was written
 * @param reviewComment why a reviewer sent it back, shown to the translator
 */
public record WorkItem(long taskId, ContentRef content, String original, String sourceLanguage,
        String targetLanguage, String status, Instant createdAt, @Nullable String translation,
        @Nullable TranslatorKind translatorKind, @Nullable Long translatedBy, @Nullable String reviewComment,
        @Nullable Instant claimedUntil) {
}
