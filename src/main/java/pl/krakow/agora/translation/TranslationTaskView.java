package pl.krakow.agora.translation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.platform.ContentRef;

/** A translation task as translators and coordinators see it. */
public record TranslationTaskView(long id, long sourceId, ContentRef content, String sourceLanguage,
        String targetLanguage, String status, Instant createdAt, @Nullable Long claimedBy,
        @Nullable Instant claimedUntil) {
}
