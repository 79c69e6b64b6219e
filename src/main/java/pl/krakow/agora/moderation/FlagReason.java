package pl.krakow.agora.moderation;

/** Why a reader flags content (issue 5, item 10). {@link #OTHER} needs a few words of explanation. */
public enum FlagReason {
    SPAM,
    HATE,
    OFF_TOPIC,
    PERSONAL_DATA,
    OTHER
}
