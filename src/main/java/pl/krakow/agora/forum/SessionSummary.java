package pl.krakow.agora.forum;

import java.time.Instant;

/** A session as lists and headers show it (issue 7, item 2). */
public record SessionSummary(long id, long bodyId, String bodyName, int number, Instant startsAt, String place,
        boolean remoteAllowed, SessionStatus status) {
}
