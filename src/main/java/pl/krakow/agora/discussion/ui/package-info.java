/**
 * The discussion's UI: {@link pl.krakow.agora.discussion.ui.CommentsPanel}, which any module's view
 * embeds for the thing it shows.
 */
@NamedInterface("ui")
@NullMarked
package pl.krakow.agora.discussion.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
