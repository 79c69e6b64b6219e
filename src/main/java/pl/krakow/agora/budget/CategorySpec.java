package pl.krakow.agora.budget;

import java.math.BigDecimal;

/** A category or district of an edition with its own budget (a new one has no id yet). */
public record CategorySpec(String name, BigDecimal budget) {
}
