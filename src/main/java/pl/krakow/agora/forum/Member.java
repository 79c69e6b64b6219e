package pl.krakow.agora.forum;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A member of a body with a role and a term (issue 7, item 1); userId is identity's user. */
public record Member(long id, long bodyId, long userId, String displayName, MemberRole role, LocalDate termStart,
        @Nullable LocalDate termEnd) {

    public boolean servesOn(LocalDate day) {
        return !day.isBefore(termStart) && (termEnd == null || !day.isAfter(termEnd));
    }
}
