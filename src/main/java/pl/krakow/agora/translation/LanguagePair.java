package pl.krakow.agora.translation;

import java.util.Locale;
import java.util.regex.Pattern;

import pl.krakow.agora.platform.AgoraException;

/** A direction a translator works in, e.g. uk → pl. */
public record LanguagePair(String source, String target) {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

    public LanguagePair {
        source = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
        target = target == null ? "" : target.strip().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(source).matches() || !CODE.matcher(target).matches()) {
            throw new AgoraException("translation.error.bad-pair");
        }
        if (source.equals(target)) {
            throw new AgoraException("translation.error.same-language");
        }
    }

    @Override
    public String toString() {
        return source + " → " + target;
    }
}
