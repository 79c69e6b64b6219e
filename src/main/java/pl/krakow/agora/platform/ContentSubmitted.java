package pl.krakow.agora.platform;

import org.jspecify.annotations.Nullable;

/**
 * A person submitted or changed a text (architecture.md "Flow of a submitted text"). Published by
 * the content module in the transaction that saves the text; the translation module picks it up
 * after commit. It carries the text itself so that the listener needs no call back into the
 * content module.
 *
 * @param authorLanguage the author's UI language tag at the time, offered first when the
 *                       language of the text cannot be told
 */
public record ContentSubmitted(ContentRef content, String text, @Nullable Long authorId, String authorLanguage) {

    public ContentSubmitted {
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
    }
}
