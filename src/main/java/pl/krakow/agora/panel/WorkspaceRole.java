package pl.krakow.agora.panel;

/** Why someone may enter a panel's private workspace. */
public enum WorkspaceRole {
    /** Drawn into the published panel (the PANELIST access of issue 6). */
    MEMBER,
    FACILITATOR,
    /** Invited from the expert catalogue (report ch. 12.2). */
    EXPERT,
    /** A moderator or administrator. */
    ORGANISER
}
