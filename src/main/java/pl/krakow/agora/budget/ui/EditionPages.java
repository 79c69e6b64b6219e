package pl.krakow.agora.budget.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.H1;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.budget.Edition;
import pl.krakow.agora.budget.EditionService;
import pl.krakow.agora.platform.AgoraException;

/** What the budget's pages of one edition share. */
final class EditionPages {

    private EditionPages() {
    }

    /** The edition of the URL, or null after putting a translated "no such edition" heading on the page. */
    static <V extends Component & HasComponents> @Nullable Edition editionOrNotice(EditionService editions, long id,
            V page) {
        try {
            return editions.edition(id);
        } catch (AgoraException missing) {
            page.add(new H1(page.getTranslation("budget.error.no-edition")));
            return null;
        }
    }
}
