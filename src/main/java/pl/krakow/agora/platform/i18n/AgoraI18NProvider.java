package pl.krakow.agora.platform.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.i18n.I18NProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Translations from {@code vaadin-i18n/translations{,_en,_uk,_ru}.properties} and one bundle per
 * feature module beside it ({@link #MODULE_BUNDLES}: {@code vaadin-i18n/budget.properties} and so
 * on), read as one; the file without a suffix is Polish. A key defined in two files is an error, so
 * modules cannot silently override each other. Unlike a plain {@link ResourceBundle} lookup this never falls back to the JVM's
 * default locale, so a Polish reader on an English server still reads Polish.
 */
@Component
public class AgoraI18NProvider implements I18NProvider {

    public static final String BUNDLE = "vaadin-i18n.translations";
    /** Bundles of feature modules, read together with {@link #BUNDLE}; a missing one is skipped. */
    public static final List<String> MODULE_BUNDLES =
            List.of("vaadin-i18n.budget", "vaadin-i18n.panel", "vaadin-i18n.forum");
    private static final Map<UiLanguage, ResourceBundle> MERGED = new ConcurrentHashMap<>();
    private static final Logger log = LoggerFactory.getLogger(AgoraI18NProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(UiLanguage.values()).map(UiLanguage::locale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        UiLanguage language = UiLanguage.of(locale);
        try {
            String pattern = bundle(language).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, language.tag());
            return "!" + key;
        }
    }

    /** The bundle of one language (all files merged); Polish is the base file. */
    public static ResourceBundle bundle(UiLanguage language) {
        return MERGED.computeIfAbsent(language, AgoraI18NProvider::merge);
    }

    private static ResourceBundle merge(UiLanguage language) {
        Locale bundleLocale = language == UiLanguage.DEFAULT ? Locale.ROOT : language.locale();
        Map<String, Object> values = new HashMap<>();
        List<String> names = new ArrayList<>();
        names.add(BUNDLE);
        names.addAll(MODULE_BUNDLES);
        for (String name : names) {
            ResourceBundle part;
            try {
                part = ResourceBundle.getBundle(name, bundleLocale, AgoraI18NProvider.class.getClassLoader(), NO_FALLBACK);
            } catch (MissingResourceException absent) {
                continue;
            }
            for (String key : part.keySet()) {
                if (values.put(key, part.getString(key)) != null) {
                    throw new IllegalStateException("Translation key '" + key + "' is defined twice (" + name + ")");
                }
            }
        }
        return new MergedBundle(values);
    }

    private static final class MergedBundle extends ResourceBundle {
        private final Map<String, Object> values;

        MergedBundle(Map<String, Object> values) {
            this.values = Map.copyOf(values);
        }

        @Override
        protected Object handleGetObject(String key) {
            return values.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(values.keySet());
        }

        @Override
        protected Set<String> handleKeySet() {
            return values.keySet();
        }
    }
}
