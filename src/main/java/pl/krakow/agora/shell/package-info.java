/**
 * The application shell: the main layout with its navigation and language switcher, the home page,
 * the error pages and the administrators' audit page. It depends on the other modules; nothing
 * depends on it.
 */
@ApplicationModule(displayName = "Shell")
@NullMarked
package pl.krakow.agora.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
