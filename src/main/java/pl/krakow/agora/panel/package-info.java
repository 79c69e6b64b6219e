/**
 * Citizen panels (report 8.1, 12.2): fair stratified sortition in the pure-Java
 * {@code panel.sortition}.
 */
@ApplicationModule(displayName = "Citizen panels")
@NullMarked
package pl.krakow.agora.panel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
