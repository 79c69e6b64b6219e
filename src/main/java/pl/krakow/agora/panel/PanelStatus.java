package pl.krakow.agora.panel;

/** Life of a panel: the pool is open, then frozen, then drawn, then the draw is public. */
public enum PanelStatus {
    REGISTRATION, CLOSED, DRAWN, PUBLISHED
}
