package pl.krakow.agora.panel.sortition;

/**
 * The integer program of column generation: finds quota-feasible panel compositions (how many members of each type)
 * of a {@link PoolTypes}. Weights are per member, so the value of composition c is {@code Σ_t weight[t] · c[t]}.
 */
interface CompositionSearch extends AutoCloseable {

  /** A feasible composition of maximum weight, proven optimal; {@code null} if no panel meets the quotas. */
  int[] best(double[] memberWeight);

  /**
   * A feasible composition with at least one member of as many {@code wanted} types as possible, or {@code null}
   * when no feasible panel contains any wanted type (then those types can never be selected).
   */
  int[] cover(boolean[] wanted);

  @Override
  void close();
}
