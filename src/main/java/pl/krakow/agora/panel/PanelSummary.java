package pl.krakow.agora.panel;

import java.time.LocalDate;

/** One line of the list of panels. */
public record PanelSummary(long id, String topic, PanelStatus status, LocalDate registrationOpens,
        LocalDate registrationCloses, int panelSize, int poolSize) {
}
