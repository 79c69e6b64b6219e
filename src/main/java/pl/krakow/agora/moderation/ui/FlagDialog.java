package pl.krakow.agora.moderation.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import pl.krakow.agora.moderation.FlagReason;
import pl.krakow.agora.moderation.ModerationService;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * A reader flags content for moderators: a reason (spam, hate, off-topic, personal data, other) and,
 * for "other" necessarily, a few words. The service decides; its refusal (already flagged, one's
 * own content, ...) is shown translated and the dialog stays open.
 */
public class FlagDialog extends Dialog {

    private final RadioButtonGroup<FlagReason> reason = new RadioButtonGroup<>();
    private final TextArea details = new TextArea();

    public FlagDialog(ContentRef content, ModerationService moderation, Consumer<ContentRef> onFlagged) {
        setHeaderTitle(getTranslation("moderation.flag.title"));
        addClassName("agora-flag-dialog");
        reason.setLabel(getTranslation("moderation.flag.reason"));
        reason.setItems(FlagReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("moderation.reason." + r.name()));
        reason.setRequiredIndicatorVisible(true);
        reason.setId("flag-reason");
        details.setLabel(getTranslation("moderation.flag.details"));
        details.setHelperText(getTranslation("moderation.flag.details-help"));
        details.setMaxLength(ModerationService.MAX_DETAILS);
        details.setWidthFull();
        details.setId("flag-details");
        Button send = new Button(getTranslation("moderation.flag.send"), e -> {
            if (reason.getValue() == null) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("moderation.error.reason-choose"));
                reason.getElement().callJsFunction("focus");
                return;
            }
            try {
                moderation.flag(content, reason.getValue(), details.getValue());
                close();
                onFlagged.accept(content);
            } catch (AgoraException | org.springframework.security.access.AccessDeniedException error) {
                if (error instanceof AgoraException domain && domain.messageKey().startsWith("moderation.error.details")) {
                    details.setInvalid(true);
                    details.setErrorMessage(getTranslation(domain.messageKey(), domain.arguments()));
                    details.focus();
                }
                ErrorNotifier.show(UI.getCurrent(), error);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("flag-send");
        Button cancel = new Button(getTranslation("moderation.dialog.cancel"), e -> close());
        cancel.setId("flag-cancel");
        add(new Paragraph(getTranslation("moderation.flag.lead")), reason, details);
        getFooter().add(cancel, send);
        setWidth("min(36rem, 95vw)");
    }
}
