package pl.krakow.agora.translation.detect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One detector per settings per test JVM: the high-accuracy build of the platform languages takes seconds and
 * half a gigabyte, so every test class shares it (Surefire runs them in one forked JVM).
 */
final class SharedDetector {

    private static final Map<DetectionSettings, TextLanguageDetector> BUILT = new ConcurrentHashMap<>();

    /** The command's settings builder, answered from the cache. */
    static final Function<DetectionSettings, TextLanguageDetector> FACTORY = SharedDetector::get;

    private SharedDetector() {
    }

    static TextLanguageDetector platform() {
        return get(DetectionSettings.defaults());
    }

    static TextLanguageDetector get(DetectionSettings settings) {
        return BUILT.computeIfAbsent(settings, TextLanguageDetector::create);
    }
}
