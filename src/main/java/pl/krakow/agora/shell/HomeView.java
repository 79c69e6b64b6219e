package pl.krakow.agora.shell;

import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The home page: what Agora is for and the four ways of taking part that the report asks the city to
 * use "flexibly, depending on needs and target groups" (report 8.1, 12.1–12.2).
 */
@Route("")
@Menu(order = 0, title = "shell.nav.home")
@AnonymousAllowed
class HomeView extends Div implements HasDynamicTitle {

    static final String[] MECHANISMS = {"recommendations", "budget", "forum", "panels"};

    HomeView() {
        addClassName("agora-home");
        H1 title = new H1(getTranslation("shell.home.title"));
        Paragraph lead = new Paragraph(getTranslation("shell.home.lead"));
        lead.addClassName("agora-lead");
        add(title, lead);

        Section mechanisms = new Section();
        mechanisms.addClassName("agora-mechanisms");
        H2 heading = new H2(getTranslation("shell.home.mechanisms"));
        heading.setId("mechanisms-heading");
        mechanisms.getElement().setAttribute("aria-labelledby", "mechanisms-heading");
        mechanisms.add(heading);
        Div cards = new Div();
        cards.addClassName("agora-cards");
        for (String mechanism : MECHANISMS) {
            Article card = new Article();
            card.addClassName("agora-card");
            card.add(new com.vaadin.flow.component.html.H3(getTranslation("shell.home." + mechanism + ".title")),
                    new Paragraph(getTranslation("shell.home." + mechanism + ".text")),
                    new Paragraph(getTranslation("shell.home." + mechanism + ".who")));
            cards.add(card);
        }
        mechanisms.add(cards);

        Section languages = new Section(new H2(getTranslation("shell.home.languages.title")),
                new Paragraph(getTranslation("shell.home.languages.text")));
        languages.addClassName("agora-languages");
        add(mechanisms, languages);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("app.tagline");
    }
}
