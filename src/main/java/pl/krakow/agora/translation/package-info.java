/**
 * Language detection and translator routing (architecture.md "Flow of a submitted text"). Its
 * pure-Java detector lives in {@code translation.detect}.
 */
@ApplicationModule(displayName = "Translation")
@NullMarked
package pl.krakow.agora.translation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
