package pl.krakow.agora.panel;

/** State of the (asynchronous) computation of a panel's draw. */
public enum DrawStatus {
    NONE, RUNNING, FAILED, DONE
}
