package pl.krakow.agora.budget;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A project on the ballot (accepted in review or on appeal), in the listed order of its edition. */
public record BallotProject(long id, String title, String language, BigDecimal cost, @Nullable Long categoryId) {
}
