/**
 * Moderation's views (the queue at {@code moderacja}, the notices at {@code powiadomienia}) and two
 * public dialogs that content modules embed: {@link pl.krakow.agora.moderation.ui.FlagDialog} for
 * readers and {@link pl.krakow.agora.moderation.ui.DecisionDialog} for moderators.
 */
@NamedInterface("ui")
@NullMarked
package pl.krakow.agora.moderation.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
