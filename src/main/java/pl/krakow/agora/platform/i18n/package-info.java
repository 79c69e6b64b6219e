/** The platform's languages, translations and per-locale formats. */
@NamedInterface("i18n")
@NullMarked
package pl.krakow.agora.platform.i18n;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
