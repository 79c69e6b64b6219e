/**
 * The shared kernel of Agora, kept small: domain exceptions carrying i18n keys, the supported
 * languages and their formats, the hash-chained audit log, the embedded MariaDB for development and
 * tests, and reusable UI components ({@code platform.ui}).
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package pl.krakow.agora.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
