package pl.krakow.agora.forum;

import org.jspecify.annotations.Nullable;

/** One item of a session's agenda (porządek obrad); proposedBy is a member's name when a member proposed it. */
public record AgendaItem(long id, long sessionId, int position, String title, String description, String rapporteur,
        String draftText, ItemStatus status, @Nullable String proposedBy, String language) {
}
