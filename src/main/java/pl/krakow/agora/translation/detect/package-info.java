/**
 * Language detection for user-written texts, a thin pure-Java wrapper around Lingua 1.2.2.
 *
 * <p>{@link pl.krakow.agora.translation.detect.TextLanguageDetector} is built once from
 * {@link pl.krakow.agora.translation.detect.DetectionSettings} and answers
 * {@link pl.krakow.agora.translation.detect.LanguageDetection} records that never hide a guess: a text that is too
 * short or ambiguous is {@code UNSURE} (with its candidates), a text without letters is {@code UNDETERMINED}.
 * {@link pl.krakow.agora.translation.detect.DetectLanguageCommand} is the {@code detect-language} command line.
 *
 * <p>No framework types here: the translation module wraps this package in its service.
 */
package pl.krakow.agora.translation.detect;
