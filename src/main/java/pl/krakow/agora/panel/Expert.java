package pl.krakow.agora.panel;

/** An entry of the expert catalogue (report ch. 12.2): who, in what field, and their account. */
public record Expert(long id, String name, String expertise, String username) {
}
