package pl.krakow.agora.recommendation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.recommendation.RecommendationCatalog;
import pl.krakow.agora.recommendation.ReportDocument;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.translation.TranslatedText;

/** The report's front matter: title, introduction, the city units of its footnote 2, and the footnotes. */
@Route(DocumentView.ROUTE)
@AnonymousAllowed
class DocumentView extends Div implements HasDynamicTitle {

    static final String ROUTE = "rekomendacje/wstep";

    DocumentView(RecommendationCatalog catalog) {
        addClassName("agora-document");
        ReportDocument document = catalog.document(UiLanguage.of(getLocale()));
        H1 title = new H1(document.title().text());
        title.getElement().setAttribute("lang", document.title().language());
        add(title, new TranslatedText(document.title()));

        Section intro = new Section(new H2(getTranslation("recommendation.document.introduction")),
                new TranslatedText(document.introduction(), n -> "#przypis-" + n));
        add(intro);

        Section units = new Section(new H2(getTranslation("recommendation.document.units")));
        UnorderedList unitList = new UnorderedList();
        unitList.getElement().setAttribute("lang", "pl");
        document.cityUnits().forEach(u -> unitList.add(new ListItem(u)));
        units.add(unitList);
        add(units);

        Section notes = new Section(new H2(getTranslation("recommendation.document.footnotes")));
        OrderedList list = new OrderedList();
        int n = 1;
        for (LocalizedText footnote : document.footnotes()) {
            ListItem item = new ListItem(new TranslatedText(footnote));
            item.setId("przypis-" + n++);
            list.add(item);
        }
        notes.add(list);
        add(notes);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recommendation.document.title") + " · " + getTranslation("app.name");
    }
}
