package pl.krakow.agora.translation.detect;

import com.github.pemistahl.lingua.api.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Turns Lingua 1.2.2's relative confidence values into confidences that sum to 1.
 *
 * <p>Lingua 1.2.2 reports, per candidate, the ratio of the best candidate's summed n-gram log-probability to the
 * candidate's own, so the top candidate is always 1.0 and a threshold on it would say nothing. Raising the ratios to
 * a power and normalising keeps Lingua's order and spreads the confidences by how far the candidates are apart:
 * a clear Polish sentence ends near 0.99, an English word that is also Italian and Spanish ("hello") below 0.5.
 * The exponent was chosen on Lingua's own test data with {@code DetectBench} (calibration table): at 12, answers that
 * pass the default 0.5 / 0.1 thresholds are right for sentences and word pairs far more often than the rest.
 */
final class Confidences {

    static final double EXPONENT = 12.0;

    private Confidences() {
    }

    static List<LanguageConfidence> normalise(SortedMap<Language, Double> relative) {
        return normalise(relative, EXPONENT);
    }

    static List<LanguageConfidence> normalise(SortedMap<Language, Double> relative, double exponent) {
        if (relative.isEmpty()) {
            return List.of();
        }
        double[] weights = new double[relative.size()];
        double sum = 0.0;
        int i = 0;
        for (double r : relative.values()) {
            weights[i] = Math.pow(Math.max(r, 0.0), exponent);
            sum += weights[i++];
        }
        var result = new ArrayList<LanguageConfidence>(weights.length);
        i = 0;
        for (Map.Entry<Language, Double> entry : relative.entrySet()) {
            double confidence = sum > 0.0 ? weights[i] / sum : (i == 0 ? 1.0 : 0.0);
            result.add(new LanguageConfidence(LinguaLanguages.code(entry.getKey()), Math.min(1.0, confidence)));
            i++;
        }
        return result;
    }
}
