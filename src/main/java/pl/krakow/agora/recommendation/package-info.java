/**
 * The report's recommendations as a catalogue (issue 5): chapters, sections and items, their
 * workflow status after the scheme of chapter 1, residents' proposals, and the public read API.
 * Texts go to translators through {@code ContentSubmitted} and {@code translation.Translations};
 * discussion of each recommendation through {@code discussion}.
 */
@ApplicationModule(displayName = "Recommendation catalogue")
@NullMarked
package pl.krakow.agora.recommendation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
