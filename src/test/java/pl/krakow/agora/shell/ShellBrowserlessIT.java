package pl.krakow.agora.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pl.krakow.agora.AgoraBrowserlessTest;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.TestUsers;
import pl.krakow.agora.identity.UserPreferences;
import pl.krakow.agora.identity.ui.LoginView;
import pl.krakow.agora.platform.i18n.UiLanguage;

/** The shell, the sign-in page and the language switcher, without a browser. */
class ShellBrowserlessIT extends AgoraBrowserlessTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserPreferences preferences;

    @Test
    void homeExplainsTheFourMechanismsInPolishByDefault() {
        UI.getCurrent().setLocale(UiLanguage.PL.locale());
        navigate(HomeView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Agora – razem decydujemy o Krakowie");
        assertThat($view(com.vaadin.flow.component.html.Article.class).all()).hasSize(4);
    }

    @Test
    void anonymousNavigationOffersHomeButNotTheAuditLog() {
        navigate(HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getPath)
                .contains("").doesNotContain("admin/audyt", "konto");
    }

    @Test
    void adminNavigationIncludesTheAuditLog() {
        signIn(1, "admin", Role.RESIDENT, Role.ADMIN);
        navigate(HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getPath).contains("admin/audyt", "konto");
    }

    @Test
    void loginPageShowsTheTranslatedFormAndTheProviderLinksInUkrainian() {
        UI.getCurrent().setLocale(UiLanguage.UK.locale());
        navigate(LoginView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Вхід");
        LoginForm form = $(LoginForm.class).first();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n"))).contains("Ім’я користувача", "Увійти");
    }

    @Test
    void aFailingPageShowsATranslatedMessageWithAReferenceAndNoStackTrace() {
        UI.getCurrent().setLocale(UiLanguage.EN.locale());
        UI.getCurrent().navigate("test/failing");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("InternalErrorView");
        String text = ((com.vaadin.flow.component.Component) getCurrentView()).getElement().getTextRecursively();
        assertThat(text).contains("Something went wrong", "Nothing was lost")
                .matches("(?s).*reference: [0-9A-F]{8}.*")
                .doesNotContain("IllegalStateException", "SQLException", "exploded", "at line");
    }

    @Test
    void aDomainErrorBecomesATranslatedNotificationAndAnUnexpectedOneAReference() {
        UI.getCurrent().setLocale(UiLanguage.RU.locale());
        navigate(HomeView.class);
        pl.krakow.agora.platform.ui.ErrorNotifier.show(UI.getCurrent(), new RuntimeException(
                new pl.krakow.agora.platform.AgoraException("identity.error.username-taken", "olena")));
        var notifications = $(com.vaadin.flow.component.notification.Notification.class).all();
        assertThat(test(notifications.getLast()).getText()).isEqualTo("Имя пользователя «olena» уже занято.");
        pl.krakow.agora.platform.ui.ErrorNotifier.show(UI.getCurrent(), new NullPointerException("secret detail"));
        notifications = $(com.vaadin.flow.component.notification.Notification.class).all();
        assertThat(test(notifications.getLast()).getText()).startsWith("Произошла непредвиденная ошибка")
                .doesNotContain("secret detail", "NullPointerException");
    }

    @Test
    void anUnknownAddressShowsTheTranslatedNotFoundPage() {
        UI.getCurrent().setLocale(UiLanguage.UK.locale());
        UI.getCurrent().navigate("nie-ma-takiej-strony");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("NotFoundView");
        assertThat($(H1.class).first().getText()).isEqualTo("Сторінку не знайдено");
    }

    @Test
    @SuppressWarnings("unchecked")
    void switchingLanguageRemembersItForTheSignedInUser() {
        long id = jdbc.sql("SELECT id FROM identity_user WHERE username = 'mieszkanka'").query(Long.class).single();
        signIn(id, "mieszkanka", Role.RESIDENT);
        navigate(HomeView.class);
        Select<UiLanguage> switcher = (Select<UiLanguage>) $(Select.class).id("language-switcher");
        test(switcher).selectItem("Русский");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(preferences.preferredLanguage()).contains(UiLanguage.RU);
        navigate(LoginView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Вход");
        preferences.setPreferredLanguage(UiLanguage.PL);
    }
}
