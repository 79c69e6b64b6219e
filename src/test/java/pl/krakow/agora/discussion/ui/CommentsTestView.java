package pl.krakow.agora.discussion.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import pl.krakow.agora.discussion.CommentableRef;

/**
 * A page that hosts a discussion, as a catalogue item page will (test sources only):
 * {@code test/komentarze} discusses {@code test/item/1}, {@code test/komentarze/<id>} discusses
 * {@code test/item/<id>}, so that each test has its own thread.
 */
@Route("test/komentarze")
@AnonymousAllowed
class CommentsTestView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String item) {
        removeAll();
        add(new H1("Test item " + (item == null ? "1" : item)));
        add(new CommentsPanel(new CommentableRef("test", "item", item == null ? "1" : item)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("discussion.heading", 0) + " · " + getTranslation("app.name");
    }
}
