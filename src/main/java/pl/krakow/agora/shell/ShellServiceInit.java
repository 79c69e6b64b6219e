package pl.krakow.agora.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.springframework.stereotype.Component;

import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * Sets each new UI's language before any view is built, writes it into {@code <html lang>} of the
 * first page load (screen readers pick their voice from it), and installs the translated error
 * handler in every session.
 */
@Component
class ShellServiceInit implements VaadinServiceInitListener {

    private final LanguageResolver resolver;

    ShellServiceInit(LanguageResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new ErrorNotifier()));
        event.getSource().addUIInitListener(e -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request != null) {
                UiLanguage language = resolver.resolve(request);
                e.getUI().setLocale(language.locale());
                e.getUI().getSession().setLocale(language.locale());
            }
        });
        event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("html").first()
                .attr("lang", resolver.resolve(response.getVaadinRequest()).tag()));
    }
}
