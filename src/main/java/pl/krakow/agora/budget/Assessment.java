package pl.krakow.agora.budget;

import java.time.Instant;

/** A published review decision on one aspect of a project. */
public record Assessment(Aspect aspect, boolean passed, String justification, Instant assessedAt) {
}
