package pl.krakow.agora.panel.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool grouped into types: respondents with identical feature vectors. Types are numbered in the order of their
 * smallest member id; members of a type are listed in ascending id order. This order is part of the published draw
 * procedure (see {@link PublicLottery}).
 */
final class PoolTypes {

  final SortitionInstance instance;
  /** {@code features[t][c]}: feature index of type t in category c. */
  final int[][] features;
  /** {@code members[t]}: ids of type t, ascending. */
  final int[][] members;
  /** {@code typeOf[id]}. */
  final int[] typeOf;

  private PoolTypes(SortitionInstance instance, int[][] features, int[][] members, int[] typeOf) {
    this.instance = instance;
    this.features = features;
    this.members = members;
    this.typeOf = typeOf;
  }

  /** One type per distinct feature vector. */
  static PoolTypes of(SortitionInstance instance) {
    Map<List<Integer>, Integer> index = new HashMap<>();
    List<int[]> features = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    int[] typeOf = new int[instance.n()];
    for (Respondent r : instance.pool()) {
      int[] f = r.features();
      List<Integer> key = Arrays.stream(f).boxed().toList();
      Integer t = index.get(key);
      if (t == null) {
        t = features.size();
        index.put(key, t);
        features.add(f);
        members.add(new ArrayList<>());
      }
      members.get(t).add(r.id());
      typeOf[r.id()] = t;
    }
    return new PoolTypes(instance, features.toArray(int[][]::new),
        members.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new), typeOf);
  }

  /** Every respondent its own type: the per-person formulation, used as the reference in tests. */
  static PoolTypes singletons(SortitionInstance instance) {
    int n = instance.n();
    int[][] features = new int[n][];
    int[][] members = new int[n][];
    int[] typeOf = new int[n];
    for (Respondent r : instance.pool()) {
      features[r.id()] = r.features();
      members[r.id()] = new int[] {r.id()};
      typeOf[r.id()] = r.id();
    }
    return new PoolTypes(instance, features, members, typeOf);
  }

  int count() {
    return members.length;
  }

  int size(int t) {
    return members[t].length;
  }

  /** Per-person probabilities from per-type expected counts: member of type t gets E[count_t] / |t|. */
  double[] personProbabilities(double[] expectedCount) {
    return personProbabilities(members, expectedCount, instance.n());
  }

  /** The same for any types' members ({@code members[t]}: the ids of type t) among n people. */
  static double[] personProbabilities(int[][] members, double[] expectedCount, int n) {
    double[] p = new double[n];
    for (int t = 0; t < members.length; t++) {
      for (int id : members[t]) {
        p[id] = expectedCount[t] / members[t].length;
      }
    }
    return p;
  }
}
