/**
 * The forum's views: {@code /forum} (public list of bodies and sessions), the member's live session
 * with the chair's controls, the public gallery, the projector screen for the room, the minutes and
 * the administrators' forms. Every live view re-reads the session from the database when the change
 * feed says it changed, so all screens on all nodes show the same state.
 */
@NullMarked
package pl.krakow.agora.forum.ui;

import org.jspecify.annotations.NullMarked;
