package pl.krakow.agora.budget;

import java.math.BigDecimal;

/** A category or district of an edition with its own budget. */
public record Category(long id, String name, BigDecimal budget) {
}
