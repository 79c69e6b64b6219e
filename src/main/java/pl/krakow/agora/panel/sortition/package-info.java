/**
 * Sortition engine (pure Java + OR-Tools): fair selection of citizens' panels under quotas.
 *
 * <ul>
 *   <li>{@link pl.krakow.agora.panel.sortition.Leximin}: LEXIMIN of Flanigan, Gölz, Gupta, Hennig, Procaccia (Nature
 *       2021), over panel compositions per type of respondent: leximin of a relaxation by LPs, realised as a lottery by
 *       Wolfe's minimum-norm-point algorithm ({@code LeximinByDecomposition}).
 *   <li>{@link pl.krakow.agora.panel.sortition.LegacySelection}: the greedy sequential draw, probabilities by
 *       sampling.
 *   <li>{@link pl.krakow.agora.panel.sortition.UniformDistribution}: k/n each when no quota binds.
 *   <li>{@link pl.krakow.agora.panel.sortition.QuotaFeasibility}: named domain errors for impossible quotas.
 *   <li>{@link pl.krakow.agora.panel.sortition.PublicLottery} and {@link
 *       pl.krakow.agora.panel.sortition.PanelSelection}: the repeatable public draw from a seed string.
 *   <li>{@link pl.krakow.agora.panel.sortition.PanelSelectCommand}: the {@code panel-select} CLI.
 * </ul>
 *
 * No framework dependencies; errors are {@link pl.krakow.agora.panel.sortition.SortitionException} with an i18n
 * key.
 */
package pl.krakow.agora.panel.sortition;
