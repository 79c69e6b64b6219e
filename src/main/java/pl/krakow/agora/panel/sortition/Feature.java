package pl.krakow.agora.panel.sortition;

/**
 * One value of a category (for example {@code female} in {@code gender}) with its quota: a valid panel has between
 * {@code min} and {@code max} members (inclusive) with this feature.
 */
public record Feature(String name, int min, int max) {

  public Feature {
    if (name == null || name.isBlank()) {
      throw new SortitionException("panel.sortition.error.feature-name-blank");
    }
    if (min < 0 || max < 0) {
      throw new SortitionException("panel.sortition.error.quota-negative", name, min, max);
    }
    if (min > max) {
      throw new SortitionException("panel.sortition.error.quota-min-above-max", name, min, max);
    }
  }
}
