/** The translators' workbench and the coordinators' dashboard. */
@NullMarked
package pl.krakow.agora.translation.ui;

import org.jspecify.annotations.NullMarked;
