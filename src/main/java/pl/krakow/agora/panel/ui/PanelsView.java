package pl.krakow.agora.panel.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.panel.PanelSummary;
import pl.krakow.agora.panel.Panels;
import pl.krakow.agora.platform.i18n.Formats;

/** The citizen panels: open ones to join, drawn ones with their published draws. */
@Route(PanelsView.ROUTE)
@Menu(order = 35, title = "panel.nav.panels")
@AnonymousAllowed
class PanelsView extends Div implements HasDynamicTitle {

    static final String ROUTE = "panele";

    PanelsView(Panels panels, CurrentUser currentUser) {
        addClassName("agora-panels");
        add(new H1(getTranslation("panel.list.title")), new Paragraph(getTranslation("panel.list.lead")));
        if (currentUser.hasRole(Role.MODERATOR) || currentUser.hasRole(Role.ADMIN)) {
            Anchor create = new Anchor(PanelCreateView.ROUTE, getTranslation("panel.list.create"));
            create.setId("panel-create-link");
            Anchor experts = new Anchor(ExpertsView.ROUTE, getTranslation("panel.list.experts"));
            Div links = new Div(create, new Span(" · "), experts);
            links.addClassName("agora-link-row");
            add(links);
        }
        var list = panels.list();
        if (list.isEmpty()) {
            add(new Paragraph(getTranslation("panel.list.none")));
            return;
        }
        UnorderedList ul = new UnorderedList();
        ul.setId("panel-list");
        for (PanelSummary p : list) {
            Anchor link = new Anchor(PanelView.path(p.id()), p.topic());
            Span meta = new Span(" — " + getTranslation("panel.status." + p.status().name()) + "; "
                    + getTranslation("panel.list.meta", p.panelSize(), p.poolSize(),
                    Formats.date(p.registrationOpens(), getLocale()), Formats.date(p.registrationCloses(), getLocale())));
            ul.add(new ListItem(link, meta));
        }
        add(ul);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("panel.list.title") + " · " + getTranslation("app.name");
    }
}
