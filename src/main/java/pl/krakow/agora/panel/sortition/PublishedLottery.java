package pl.krakow.agora.panel.sortition;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

import pl.krakow.agora.panel.sortition.CompositionDistribution.WeightedComposition;

/**
 * A LEXIMIN lottery in the form that is published with a draw: the respondents of each type (ids
 * ascending, types in the engine's order) and the compositions with their probabilities in canonical
 * order. With the seed it is all one needs to repeat the draw ({@link CompositionDistribution#draw})
 * and to recompute every respondent's probability, without anyone's declared values.
 *
 * @param types   {@code types.get(t)}: the ids of type t, ascending
 * @param support the compositions ({@code counts[t]} members of type t) with positive probability
 */
public record PublishedLottery(List<int[]> types, List<WeightedComposition> support) {

  public PublishedLottery {
    types = types.stream().map(int[]::clone).toList();
    support = List.copyOf(support);
    if (support.isEmpty()) {
      throw new IllegalArgumentException("a lottery needs at least one composition");
    }
    for (WeightedComposition wc : support) {
      if (wc.counts().length != types.size()) {
        throw new IllegalArgumentException("every composition needs one count per type");
      }
      for (int t = 0; t < types.size(); t++) {
        if (wc.counts()[t] < 0 || wc.counts()[t] > types.get(t).length) {
          throw new IllegalArgumentException("a composition takes more members of type " + t + " than it has");
        }
      }
    }
  }

  /** Draws a panel exactly as the engine did: same procedure, same stream of random numbers. */
  public int[] draw(PublicLottery lottery) {
    return CompositionDistribution.draw(support, types.toArray(int[][]::new), lottery);
  }

  /** Each id's probability of being drawn: expected members of its type divided by the type's size. */
  public double[] probabilities(int n) {
    return CompositionDistribution.probabilities(support, types.toArray(int[][]::new), n);
  }

  /** The same lottery with every id renamed by an increasing mapping (so ids stay ascending). */
  public PublishedLottery withIds(IntUnaryOperator rename) {
    return new PublishedLottery(types.stream().map(ids -> Arrays.stream(ids).map(rename).toArray()).toList(), support);
  }
}
