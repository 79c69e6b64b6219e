package pl.krakow.agora.panel;

/**
 * Life of a panel: the pool is open, then frozen, then drawn, then the draw is public; ENDED once
 * the panel's work is over and the volunteers' personal data has been deleted (as the consent says).
 */
public enum PanelStatus {
    REGISTRATION, CLOSED, DRAWN, PUBLISHED, ENDED
}
