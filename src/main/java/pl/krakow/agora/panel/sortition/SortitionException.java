package pl.krakow.agora.panel.sortition;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A domain error of the sortition engine: bad input, infeasible quotas. Carries an i18n key ({@code
 * panel.sortition.error.*}) and its arguments; {@link #getMessage()} is a one-line English text for logs and the CLI.
 */
public class SortitionException extends RuntimeException {

  private static final Map<String, String> ENGLISH = Map.ofEntries(
      Map.entry("panel.sortition.error.feature-name-blank", "a feature has no name"),
      Map.entry("panel.sortition.error.category-name-blank", "a category has no name"),
      Map.entry("panel.sortition.error.quota-negative", "feature {0} has a negative quota ({1}..{2})"),
      Map.entry("panel.sortition.error.quota-min-above-max", "feature {0} has min {1} above max {2}"),
      Map.entry("panel.sortition.error.category-without-features", "category {0} has no features"),
      Map.entry("panel.sortition.error.feature-duplicate", "category {0} lists feature {1} twice"),
      Map.entry("panel.sortition.error.no-categories", "no quota categories given"),
      Map.entry("panel.sortition.error.panel-size-not-positive", "panel size must be positive, got {0}"),
      Map.entry("panel.sortition.error.pool-smaller-than-panel", "the pool has {0} people, fewer than the panel size {1}"),
      Map.entry("panel.sortition.error.csv-empty", "{0} is empty"),
      Map.entry("panel.sortition.error.csv-header", "{0}: header must be category,feature,min,max but is {1}"),
      Map.entry("panel.sortition.error.csv-row", "{0} line {1}: {2}"),
      Map.entry("panel.sortition.error.respondents-missing-category", "respondents file has no column for category {0}"),
      Map.entry("panel.sortition.error.respondent-unknown-feature",
          "respondent {0} (line {1}) has value \"{3}\" in category {2}, which is not a feature of it"),
      Map.entry("panel.sortition.error.category-mins-exceed-panel",
          "category {0}: the minimum quotas add up to {1}, more than the panel size {2}"),
      Map.entry("panel.sortition.error.category-maxes-below-panel",
          "category {0}: the maximum quotas add up to {1}, less than the panel size {2}"),
      Map.entry("panel.sortition.error.feature-too-few-people",
          "feature {0}: the minimum quota is {1} but only {2} people in the pool have it"),
      Map.entry("panel.sortition.error.quotas-infeasible",
          "no panel of size {0} meets all quotas together; the smallest change that allows one: {1}"),
      Map.entry("panel.sortition.error.legacy-failed",
          "the legacy greedy draw failed {0} times in a row; the quotas are too tight for it"),
      Map.entry("panel.sortition.error.leximin-time-limit",
          "leximin stopped at its time limit after {0} s ({1} panels generated, {2} of {3} types fixed)"),
      Map.entry("panel.sortition.error.solver-failed", "the solver stopped without an answer ({0})"));

  private final String key;
  private final transient Object[] args;

  public SortitionException(String key, Object... args) {
    super(english(key, args));
    this.key = key;
    this.args = args.clone();
  }

  /** The i18n key, {@code panel.sortition.error.*}. */
  public String key() {
    return key;
  }

  /** Arguments for the message of {@link #key()}. */
  public Object[] args() {
    return args.clone();
  }

  private static String english(String key, Object[] args) {
    String pattern = ENGLISH.get(key);
    if (pattern == null) {
      return key + " " + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(", "));
    }
    // Plain substitution rather than MessageFormat, so numbers print without locale grouping.
    String text = pattern;
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }
}
