package pl.krakow.agora.forum;

import org.jspecify.annotations.Nullable;

/**
 * One item of a session's agenda (porządek obrad); proposedBy is a member's name when a member
 * proposed it. position orders all items, proposals included; number is the item's number on the
 * agenda as shown (1, 2, 3 … over the items on it), 0 for a proposal or a rejected item.
 */
public record AgendaItem(long id, long sessionId, int position, int number, String title, String description,
        String rapporteur, String draftText, ItemStatus status, @Nullable String proposedBy, String language) {
}
