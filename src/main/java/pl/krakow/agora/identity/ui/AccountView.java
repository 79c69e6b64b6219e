package pl.krakow.agora.identity.ui;

import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import pl.krakow.agora.identity.CurrentUser;

/** The signed-in user's own page: who Agora thinks they are and which roles they hold. */
@Route("konto")
@Menu(order = 80, title = "identity.nav.account")
@PermitAll
class AccountView extends Div implements HasDynamicTitle {

    AccountView(CurrentUser currentUser) {
        addClassName("agora-account");
        add(new H1(getTranslation("identity.account.title")));
        currentUser.get().ifPresent(user -> {
            Paragraph name = new Paragraph(getTranslation("identity.account.name", user.displayName(),
                    user.username()));
            name.setId("account-name");
            String roles = currentUser.roles().stream()
                    .map(role -> getTranslation("identity.role." + role.name()))
                    .collect(Collectors.joining(", "));
            Paragraph roleLine = new Paragraph(getTranslation("identity.account.roles", roles));
            roleLine.setId("account-roles");
            add(name, roleLine, new Paragraph(getTranslation("identity.account.language")));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity.account.title") + " · " + getTranslation("app.name");
    }
}
