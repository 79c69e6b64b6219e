package pl.krakow.agora.platform.i18n;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Translations from {@code vaadin-i18n/translations{,_en,_uk,_ru}.properties}; the file without a
 * suffix is Polish. Unlike a plain {@link ResourceBundle} lookup this never falls back to the JVM's
 * default locale, so a Polish reader on an English server still reads Polish.
 */
@Component
public class AgoraI18NProvider implements I18NProvider {

    public static final String BUNDLE = "vaadin-i18n.translations";
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

    /** The bundle of one language; Polish is the base file. */
    public static ResourceBundle bundle(UiLanguage language) {
        Locale bundleLocale = language == UiLanguage.DEFAULT ? Locale.ROOT : language.locale();
        return ResourceBundle.getBundle(BUNDLE, bundleLocale, AgoraI18NProvider.class.getClassLoader(), NO_FALLBACK);
    }
}
