package pl.krakow.agora.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserPreferences;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * The language switcher: each language is named in itself. The choice is remembered for the user
 * when signed in and in a cookie otherwise; the page then reloads so that every text, the
 * {@code <html lang>} attribute and the formats change together.
 */
class LanguageSwitcher extends Select<UiLanguage> {

    LanguageSwitcher(UserPreferences preferences, CurrentUser currentUser) {
        setLabel(getTranslation("shell.language.label"));
        setItems(UiLanguage.values());
        setItemLabelGenerator(UiLanguage::endonym);
        setValue(UiLanguage.of(UI.getCurrent() != null ? UI.getCurrent().getLocale() : null));
        setId("language-switcher");
        addClassName("agora-language-switcher");
        addValueChangeListener(event -> {
            if (!event.isFromClient() || event.getValue() == null) {
                return;
            }
            UiLanguage language = event.getValue();
            if (currentUser.isAuthenticated()) {
                preferences.setPreferredLanguage(language);
            }
            UI ui = UI.getCurrent();
            ui.getSession().setLocale(language.locale());
            ui.setLocale(language.locale());
            ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; SameSite=Lax'"
                    + " + (location.protocol === 'https:' ? '; Secure' : '');"
                    + "document.documentElement.lang = $1; window.location.reload();",
                    LanguageResolver.COOKIE, language.tag());
        });
    }
}
