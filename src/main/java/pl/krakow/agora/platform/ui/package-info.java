/** Reusable UI pieces for every module's views: live announcements and translated error notices. */
@NamedInterface("ui")
@NullMarked
package pl.krakow.agora.platform.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
