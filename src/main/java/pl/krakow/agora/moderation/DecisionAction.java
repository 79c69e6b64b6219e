package pl.krakow.agora.moderation;

/** What a moderator decided: hide the content, show it again, or keep it and dismiss the flags. */
public enum DecisionAction {
    HIDE,
    RESTORE,
    DISMISS
}
