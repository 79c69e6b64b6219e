/** The citizen panels' views: list, panel page with registration and draw, creation, workspace. */
@NullMarked
package pl.krakow.agora.panel.ui;

import org.jspecify.annotations.NullMarked;
