package pl.krakow.agora.shell;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserPreferences;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.ui.Announcer;

/**
 * The frame around every page: a skip link, a banner with the language switcher and the sign-in
 * state, the navigation (only the views the user may open: the menu is filtered by the views'
 * access annotations), the main region and a footer. Landmarks and labels follow WCAG 2.1 AA.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    static final String MAIN_ID = "main-content";

    private final Main main = new Main();

    MainLayout(CurrentUser currentUser, UserPreferences preferences, AuthenticationContext authentication) {
        setPrimarySection(Section.NAVBAR);

        Anchor skip = new Anchor("#" + MAIN_ID, getTranslation("shell.skip-to-content"));
        skip.addClassName("agora-skip-link");
        skip.setRouterIgnore(true);
        // move focus itself: a bare fragment link would resolve against <base href> and reload the page
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const m = document.getElementById($0); if (m) { m.focus(); m.scrollIntoView(); } });", MAIN_ID);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu.toggle"));

        Anchor title = new Anchor("", getTranslation("app.name"));
        title.addClassName("agora-app-title");
        Span subtitle = new Span(getTranslation("app.tagline"));
        subtitle.addClassName("agora-app-tagline");

        Div session = new Div();
        session.addClassName("agora-session");
        currentUser.get().ifPresentOrElse(user -> session.add(signedIn(user, authentication)),
                () -> {
                    Anchor login = new Anchor("login", getTranslation("shell.login"));
                    login.setId("login-link");
                    login.addClassName("agora-login-link");
                    session.add(login);
                });

        Header banner = new Header(skip, toggle, title, subtitle, new LanguageSwitcher(preferences, currentUser),
                session);
        banner.addClassName("agora-banner");
        addToNavbar(banner);

        Nav nav = new Nav(navigation());
        nav.getElement().setAttribute("aria-label", getTranslation("shell.nav.label"));
        addToDrawer(nav);

        main.setId(MAIN_ID);
        main.getElement().setAttribute("tabindex", "-1");
        main.addClassName("agora-main");
        Footer footer = new Footer(new Paragraph(getTranslation("shell.footer")));
        footer.addClassName("agora-footer");
        Div content = new Div(main, footer, new Announcer(Announcer.Urgency.POLITE),
                new Announcer(Announcer.Urgency.ASSERTIVE));
        content.addClassName("agora-content");
        setContent(content);
    }

    private Div signedIn(UserRef user, AuthenticationContext authentication) {
        Span name = new Span(getTranslation("shell.signed-in-as", user.displayName()));
        name.setId("signed-in-user");
        Button logout = new Button(getTranslation("shell.logout"), e -> authentication.logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new Div(name, logout);
    }

    private SideNav navigation() {
        SideNav sideNav = new SideNav();
        sideNav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            sideNav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path()));
        }
        return sideNav;
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }
}
