package pl.krakow.agora.moderation.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import pl.krakow.agora.moderation.DecisionAction;
import pl.krakow.agora.moderation.ModerationService;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ui.ErrorNotifier;

/**
 * A moderator hides, restores or keeps content, always with a reason: a hidden text's reason is
 * shown in its place, and every reason goes to the audit log.
 */
public class DecisionDialog extends Dialog {

    private final TextArea reason = new TextArea();

    public DecisionDialog(ContentRef content, DecisionAction action, ModerationService moderation,
            Consumer<DecisionAction> onDecided) {
        String key = "moderation.decision." + action.name();
        setHeaderTitle(getTranslation(key + ".title"));
        addClassName("agora-decision-dialog");
        reason.setLabel(getTranslation("moderation.decision.reason"));
        reason.setHelperText(getTranslation(key + ".help"));
        reason.setRequired(true);
        reason.setMaxLength(ModerationService.MAX_REASON);
        reason.setWidthFull();
        reason.setId("decision-reason");
        Button confirm = new Button(getTranslation(key + ".confirm"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("moderation.error.reason-required"));
                reason.focus();
                return;
            }
            try {
                switch (action) {
                    case HIDE -> moderation.hide(content, reason.getValue());
                    case RESTORE -> moderation.restore(content, reason.getValue());
                    case DISMISS -> moderation.dismiss(content, reason.getValue());
                }
                close();
                onDecided.accept(action);
            } catch (AgoraException | org.springframework.security.access.AccessDeniedException error) {
                ErrorNotifier.show(UI.getCurrent(), error);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (action == DecisionAction.HIDE) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        confirm.setId("decision-confirm");
        Button cancel = new Button(getTranslation("moderation.dialog.cancel"), e -> close());
        cancel.setId("decision-cancel");
        add(new Paragraph(getTranslation(key + ".lead")), reason);
        getFooter().add(cancel, confirm);
        setWidth("min(36rem, 95vw)");
    }
}
