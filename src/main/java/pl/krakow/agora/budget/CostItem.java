package pl.krakow.agora.budget;

import java.math.BigDecimal;

/** One line of a project's cost estimate. */
public record CostItem(String label, BigDecimal amount) {
}
