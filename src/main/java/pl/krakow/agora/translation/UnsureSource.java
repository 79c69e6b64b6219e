package pl.krakow.agora.translation;

import java.time.Instant;

import pl.krakow.agora.platform.ContentRef;

/**
 * A text whose language could not be told with confidence, waiting for a person to set it.
 *
 * @param candidates the detector's candidates, most likely first, e.g. {@code uk:0.48,ru:0.45}
 * @param authorLanguage offered first: the author's UI language when they wrote it
 */
public record UnsureSource(long id, ContentRef content, String text, String candidates, String authorLanguage,
        Instant submittedAt) {
}
