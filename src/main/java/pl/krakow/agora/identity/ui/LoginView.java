package pl.krakow.agora.identity.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.identity.SignInOptions;

/**
 * Sign-in: the form for local accounts where they are switched on, and one link per OIDC provider.
 * Rendered inside the main layout so that the language switcher and skip link are there too.
 */
@Route(value = LoginView.ROUTE)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "login";

    private final LoginForm form = new LoginForm();

    LoginView(SignInOptions options) {
        addClassName("agora-login");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("identity.login.title")));
        if (options.localAccountsEnabled()) {
            form.setAction(ROUTE);
            form.setForgotPasswordButtonVisible(false);
            form.setI18n(i18n());
            add(form);
        }
        if (!options.providers().isEmpty()) {
            H2 heading = new H2(getTranslation("identity.login.providers"));
            heading.setId("login-providers-heading");
            VerticalLayout links = new VerticalLayout();
            links.setPadding(false);
            links.setAlignItems(Alignment.CENTER);
            links.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
            links.getElement().setAttribute("role", "group");
            for (SignInOptions.Provider provider : options.providers()) {
                Anchor link = new Anchor(provider.authorizationPath(),
                        getTranslation("identity.login.with", provider.name()));
                // a full page load: the OIDC redirect must leave the single-page router
                link.setRouterIgnore(true);
                link.addClassName("agora-provider-link");
                links.add(link);
            }
            add(heading, links);
        }
        if (!options.localAccountsEnabled() && options.providers().isEmpty()) {
            add(new Paragraph(getTranslation("identity.login.none")));
        }
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("identity.login.form.title"));
        f.setUsername(getTranslation("identity.login.form.username"));
        f.setPassword(getTranslation("identity.login.form.password"));
        f.setSubmit(getTranslation("identity.login.form.submit"));
        f.setForgotPassword(getTranslation("identity.login.form.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("identity.login.error.title"));
        error.setMessage(getTranslation("identity.login.error.message"));
        error.setUsername(getTranslation("identity.login.error.username"));
        error.setPassword(getTranslation("identity.login.error.password"));
        i18n.setAdditionalInformation(getTranslation("identity.login.form.info"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setError(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity.login.title") + " · " + getTranslation("app.name");
    }
}
