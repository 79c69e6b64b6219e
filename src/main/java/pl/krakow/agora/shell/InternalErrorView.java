package pl.krakow.agora.shell;

import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pl.krakow.agora.platform.AgoraException;

/**
 * Any error while opening a page: the user reads a translated message with a reference to quote;
 * the stack trace goes to the log only.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class InternalErrorView extends Div implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("agora-error");
        add(new H1(getTranslation("shell.error.internal.title")));
        if (parameter.getException() instanceof AgoraException domain) {
            add(new Paragraph(getTranslation(domain.messageKey(), domain.arguments())));
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            log.error("Error opening {}, reference {}", event.getLocation().getPath(), reference,
                    parameter.getCaughtException());
            add(new Paragraph(getTranslation("shell.error.internal.text", reference)));
        }
        add(new Anchor("", getTranslation("shell.error.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.error.internal.title") + " · " + getTranslation("app.name");
    }
}
