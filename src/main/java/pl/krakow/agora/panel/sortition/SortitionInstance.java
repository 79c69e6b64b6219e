package pl.krakow.agora.panel.sortition;

import java.util.List;

/**
 * A selection task: quota categories, the pool and the panel size k. Respondent ids must be 0..n-1 in order, so
 * that an id is also the index into {@link #pool()} and into probability arrays.
 */
public record SortitionInstance(List<Category> categories, List<Respondent> pool, int panelSize) {

  public SortitionInstance {
    categories = List.copyOf(categories);
    pool = List.copyOf(pool);
    if (categories.isEmpty()) {
      throw new SortitionException("panel.sortition.error.no-categories");
    }
    if (panelSize <= 0) {
      throw new SortitionException("panel.sortition.error.panel-size-not-positive", panelSize);
    }
    if (pool.size() < panelSize) {
      throw new SortitionException("panel.sortition.error.pool-smaller-than-panel", pool.size(), panelSize);
    }
    for (int i = 0; i < pool.size(); i++) {
      Respondent r = pool.get(i);
      if (r.id() != i) {
        throw new IllegalArgumentException("respondent ids must be 0..n-1 in order; found " + r.id() + " at " + i);
      }
      if (r.featureCount() != categories.size()) {
        throw new IllegalArgumentException("respondent " + i + " has " + r.featureCount() + " features");
      }
      for (int c = 0; c < categories.size(); c++) {
        int f = r.feature(c);
        if (f < 0 || f >= categories.get(c).features().size()) {
          throw new IllegalArgumentException("respondent " + i + " has bad feature index " + f);
        }
      }
    }
  }

  /** Pool size n. */
  public int n() {
    return pool.size();
  }

  /** Number of pool members having feature {@code f} of category {@code c}. */
  public int countWith(int c, int f) {
    int count = 0;
    for (Respondent r : pool) {
      if (r.feature(c) == f) {
        count++;
      }
    }
    return count;
  }

  /** {@code category:feature}, for messages. */
  public String label(int c, int f) {
    Category cat = categories.get(c);
    return cat.name() + ":" + cat.features().get(f).name();
  }

  /** Whether {@code members} (respondent ids) is a panel of size k meeting every quota. */
  public boolean isValidPanel(int[] members) {
    if (members.length != panelSize) {
      return false;
    }
    var seen = new java.util.BitSet(n());
    for (int id : members) {
      if (id < 0 || id >= n() || seen.get(id)) {
        return false;
      }
      seen.set(id);
    }
    for (int c = 0; c < categories.size(); c++) {
      int[] counts = new int[categories.get(c).features().size()];
      for (int id : members) {
        counts[pool.get(id).feature(c)]++;
      }
      for (int f = 0; f < counts.length; f++) {
        Feature feat = categories.get(c).features().get(f);
        if (counts[f] < feat.min() || counts[f] > feat.max()) {
          return false;
        }
      }
    }
    return true;
  }
}
