package pl.krakow.agora.panel.sortition;

import java.util.HashSet;
import java.util.List;

/** A quota category (for example {@code gender}): its features partition the pool. */
public record Category(String name, List<Feature> features) {

  public Category {
    if (name == null || name.isBlank()) {
      throw new SortitionException("panel.sortition.error.category-name-blank");
    }
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new SortitionException("panel.sortition.error.category-without-features", name);
    }
    var seen = new HashSet<String>();
    for (Feature f : features) {
      if (!seen.add(f.name())) {
        throw new SortitionException("panel.sortition.error.feature-duplicate", name, f.name());
      }
    }
  }

  /** Index of the feature with this name, or -1. */
  public int indexOf(String featureName) {
    for (int i = 0; i < features.size(); i++) {
      if (features.get(i).name().equals(featureName)) {
        return i;
      }
    }
    return -1;
  }
}
