package pl.krakow.agora.panel.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Entry point for a public draw: compute the lottery of the chosen algorithm, then draw a panel (and optionally a
 * reserve panel of alternates) from a published seed.
 *
 * <p>Repeating a draw: same instance, algorithm and seed give the same lottery (solvers run single-threaded and
 * deterministically) and the same panel. Randomness comes only from {@link PublicLottery}: the panel uses the
 * lottery of the seed from its first word on; alternates continue the same stream. LEGACY's probability estimate
 * uses a separate generator ({@link java.util.SplittableRandom}) seeded with the first word of {@code
 * PublicLottery(seed)}.
 */
public final class PanelSelection {

  /** Selection algorithm. */
  public enum Algorithm {
    LEXIMIN, LEGACY, UNIFORM;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Result of a draw; {@code alternates} is empty unless requested. {@code reserveLottery} is the
   * lottery the alternates were drawn from, in the pool's ids, when it was a LEXIMIN lottery (else
   * null): published with the panel's, it lets anyone repeat both draws from the seed alone.
   */
  public record Result(PanelDistribution distribution, int[] panel, int[] alternates, String seed,
      @Nullable PublishedLottery reserveLottery) {

    public Result(PanelDistribution distribution, int[] panel, int[] alternates, String seed) {
      this(distribution, panel, alternates, seed, null);
    }
  }

  /** The reserve panel in the pool's ids and the lottery it came from. */
  private record Reserve(int[] ids, @Nullable PublishedLottery lottery) {
    static final Reserve NONE = new Reserve(new int[0], null);
  }

  /**
   * Repeats a published draw: the panel from {@code lottery}, then (when given) the reserve panel
   * from {@code reserve}, on one {@link PublicLottery} stream of the seed, as {@link #select} does.
   *
   * @return the panel, then the reserve panel (empty without a reserve lottery), ids ascending
   */
  public static int[][] replay(PublishedLottery lottery, @Nullable PublishedLottery reserve, String seed) {
    PublicLottery random = new PublicLottery(seed);
    int[] panel = lottery.draw(random);
    int[] reserved = reserve == null ? new int[0] : reserve.draw(random);
    return new int[][] {panel, reserved};
  }

  private PanelSelection() {}

  /** The lottery for the instance. */
  public static PanelDistribution distribution(SortitionInstance instance, Algorithm algorithm, String seed,
      int legacyDraws) {
    return distribution(instance, algorithm, seed, legacyDraws, java.time.Duration.ofDays(365));
  }

  /** As above; LEXIMIN gives up after {@code budget}. */
  public static PanelDistribution distribution(SortitionInstance instance, Algorithm algorithm, String seed,
      int legacyDraws, java.time.Duration budget) {
    QuotaFeasibility.check(instance);
    return switch (algorithm) {
      case LEXIMIN -> Leximin.compute(instance, budget);
      case LEGACY -> LegacySelection.estimate(instance, legacyDraws, new PublicLottery(seed).nextLong());
      case UNIFORM -> UniformDistribution.of(instance);
    };
  }

  /**
   * Computes the lottery and draws the panel. With {@code withAlternates}, a reserve panel of the same size is then
   * drawn the same way (same algorithm, same quotas) from the respondents not selected, continuing the lottery
   * stream; it is empty if the rest of the pool cannot meet the quotas.
   */
  public static Result select(SortitionInstance instance, Algorithm algorithm, String seed, int legacyDraws,
      boolean withAlternates) {
    return select(instance, algorithm, seed, legacyDraws, withAlternates, java.time.Duration.ofDays(365));
  }

  /** As above with a LEXIMIN time budget (for each of panel and alternates). */
  public static Result select(SortitionInstance instance, Algorithm algorithm, String seed, int legacyDraws,
      boolean withAlternates, java.time.Duration budget) {
    PanelDistribution distribution = distribution(instance, algorithm, seed, legacyDraws, budget);
    PublicLottery lottery = new PublicLottery(seed);
    int[] panel = distribution.draw(lottery);
    Reserve reserve = withAlternates
        ? drawFromRest(instance, panel, algorithm, seed, legacyDraws, lottery, budget) : Reserve.NONE;
    return new Result(distribution, panel, reserve.ids(), seed, reserve.lottery());
  }

  private static Reserve drawFromRest(SortitionInstance instance, int[] panel, Algorithm algorithm, String seed,
      int legacyDraws, PublicLottery lottery, java.time.Duration budget) {
    boolean[] taken = new boolean[instance.n()];
    for (int id : panel) {
      taken[id] = true;
    }
    List<Respondent> rest = new ArrayList<>();
    List<Integer> originalId = new ArrayList<>();
    for (Respondent r : instance.pool()) {
      if (!taken[r.id()]) {
        rest.add(new Respondent(rest.size(), r.features()));
        originalId.add(r.id());
      }
    }
    if (rest.size() < instance.panelSize()) {
      return Reserve.NONE;
    }
    SortitionInstance restInstance = new SortitionInstance(instance.categories(), rest, instance.panelSize());
    PanelDistribution restDistribution;
    try {
      restDistribution = algorithm == Algorithm.UNIFORM && !UniformDistribution.applies(restInstance)
          ? Leximin.compute(restInstance, budget)
          : distribution(restInstance, algorithm, seed + "/alternates", legacyDraws, budget);
    } catch (SortitionException infeasible) {
      return Reserve.NONE;
    }
    int[] reserve = restDistribution.draw(lottery);
    int[] ids = Arrays.stream(reserve).map(originalId::get).toArray();
    Arrays.sort(ids);
    // originalId is increasing, so the renamed lottery keeps its ids ascending and draws the same people
    PublishedLottery published = restDistribution instanceof CompositionDistribution cd
        ? cd.published().withIds(originalId::get) : null;
    return new Reserve(ids, published);
  }
}
