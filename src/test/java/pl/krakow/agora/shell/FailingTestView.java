package pl.krakow.agora.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** A page that fails while it is built, to show what a user sees then (test sources only). */
@Route("test/failing")
@AnonymousAllowed
class FailingTestView extends Div {

    FailingTestView() {
        throw new IllegalStateException("database exploded: java.sql.SQLException at line 42");
    }
}
