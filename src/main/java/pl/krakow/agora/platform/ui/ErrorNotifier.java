package pl.krakow.agora.platform.ui;

import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

import pl.krakow.agora.platform.AgoraException;

/**
 * The one place where an error becomes something a user reads (style rule 12): a domain error is
 * shown as its translated message; anything else is logged with a short reference that the user
 * can quote to support, and the user sees a translated notice, never a stack trace.
 */
public class ErrorNotifier implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorNotifier.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Error outside a UI", error);
            return;
        }
        ui.access(() -> show(ui, error));
    }

    /** Shows the right translated notice for an error caught in a view. */
    public static void show(UI ui, Throwable error) {
        AgoraException domain = find(error, AgoraException.class);
        if (domain != null) {
            notify(ui.getTranslation(domain.messageKey(), domain.arguments()), NotificationVariant.WARNING);
        } else if (find(error, AccessDeniedException.class) != null
                || find(error, AuthorizationDeniedException.class) != null) {
            notify(ui.getTranslation("platform.error.denied"), NotificationVariant.ERROR);
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            log.error("Unexpected error, reference {}", reference, error);
            notify(ui.getTranslation("platform.error.unexpected", reference), NotificationVariant.ERROR);
        }
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
