package pl.krakow.agora.forum;

/** A forum body as lists show it. */
public record Body(long id, String name, Statute statute, int members) {
}
