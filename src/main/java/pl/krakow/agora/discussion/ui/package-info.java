/**
 * The discussion's UI: {@link pl.krakow.agora.discussion.ui.CommentsPanel}, which any module's view
 * embeds for the thing it shows.
 */
@NullMarked
package pl.krakow.agora.discussion.ui;

import org.jspecify.annotations.NullMarked;
