package pl.krakow.agora.panel.sortition;

/**
 * The integer program of column generation: finds quota-feasible panel compositions (how many members of each type)
 * of a {@link PoolTypes}. Weights are per member, so the value of composition c is {@code Σ_t weight[t] · c[t]}.
 */
interface CompositionSearch extends AutoCloseable {

  /** A feasible composition of maximum weight, proven optimal; {@code null} if no panel meets the quotas. */
  int[] best(double[] memberWeight);

  /**
   * As {@link #best}, starting from the feasible composition {@code hint} (may be {@code null}); the first element
   * is the proven optimum, further elements are other (improving) solutions met on the way, best first.
   */
  default java.util.List<int[]> bestAndOthers(double[] memberWeight, int[] hint) {
    int[] b = best(memberWeight);
    return b == null ? java.util.List.of() : java.util.List.of(b);
  }

  /**
   * A feasible composition with at least one member of as many {@code wanted} types as possible, or {@code null}
   * when no feasible panel contains any wanted type (then those types can never be selected).
   */
  int[] cover(boolean[] wanted);

  /**
   * Wall-clock deadline ({@link System#nanoTime()}) for later calls: a search that reaches it returns the best
   * composition found so far (or none) and {@link #timedOut()} turns true. Default: no deadline support.
   */
  default void deadline(long deadlineNanos) {}

  /** Whether the last call stopped at the deadline, so its result is not proven optimal (or complete). */
  default boolean timedOut() {
    return false;
  }

  @Override
  void close();
}
