package pl.krakow.agora.forum;

/** The live state of a session changed and was committed; version is the session's new version. */
public record SessionChanged(long sessionId, long version) {
}
