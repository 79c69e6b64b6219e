package pl.krakow.agora.panel.sortition;

/**
 * A pool member. {@code id} is the 0-based data-row index of the respondents file (as in the replication code of
 * Flanigan et al. 2021); {@code features[c]} is the index of the member's feature within category {@code c}.
 */
public record Respondent(int id, int[] features) {

  public Respondent {
    if (id < 0) {
      throw new IllegalArgumentException("id must be >= 0");
    }
    features = features.clone();
  }

  @Override
  public int[] features() {
    return features.clone();
  }

  int featureCount() {
    return features.length;
  }

  int feature(int category) {
    return features[category];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Respondent r && r.id == id && java.util.Arrays.equals(r.features, features);
  }

  @Override
  public int hashCode() {
    return 31 * id + java.util.Arrays.hashCode(features);
  }

  @Override
  public String toString() {
    return "Respondent[" + id + ", " + java.util.Arrays.toString(features) + "]";
  }
}
