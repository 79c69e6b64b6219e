package pl.krakow.agora.forum;

/** A paper attached to an agenda item, without its content; sha256 is the hex digest of the content. */
public record Attachment(long id, long itemId, String fileName, String mediaType, int sizeBytes, String sha256) {
}
