package pl.krakow.agora.translation;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import pl.krakow.agora.translation.detect.LanguageDetection;
import pl.krakow.agora.translation.detect.TextLanguageDetector;

/**
 * The platform's one language detector. Lingua's high-accuracy models take seconds and about
 * 500 MiB to load, so they are loaded once, in the background, as soon as the application is ready
 * (issue 8): the first submitted text does not wait 2–5 s, and start-up is not held up.
 */
@Service
public class LanguageDetectionService {

    private static final Logger log = LoggerFactory.getLogger(LanguageDetectionService.class);
    private final CompletableFuture<TextLanguageDetector> detector = new CompletableFuture<>();
    private final TranslationProperties properties;

    LanguageDetectionService(TranslationProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void preload() {
        if (detector.isDone()) {
            return;
        }
        Thread.ofPlatform().name("lingua-preload").daemon().start(this::load);
    }

    private synchronized void load() {
        if (detector.isDone()) {
            return;
        }
        long started = System.nanoTime();
        try {
            detector.complete(TextLanguageDetector.create(properties.detection().settings()));
            log.info("Language detector ready: {} languages, {} accuracy, {} ms",
                    properties.detection().languages().size(),
                    properties.detection().lowAccuracy() ? "low" : "high", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            detector.completeExceptionally(e);
            throw e;
        }
    }

    /** Detects the language of a text; never a silent guess (see {@link LanguageDetection#language()}). */
    public LanguageDetection detect(String text) {
        if (!detector.isDone()) {
            load();
        }
        return detector.join().detect(text);
    }
}
