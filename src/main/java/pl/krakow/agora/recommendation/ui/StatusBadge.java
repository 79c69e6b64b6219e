package pl.krakow.agora.recommendation.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Span;

import pl.krakow.agora.recommendation.WorkflowStatus;

/** A recommendation's status as a labelled badge; colour is never the only carrier of the meaning. */
final class StatusBadge extends Span {

    StatusBadge(WorkflowStatus status) {
        setText(getTranslation(status.messageKey()));
        addClassNames("agora-status", "agora-status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        getElement().setAttribute("title", getTranslation("recommendation.status.label"));
    }
}
