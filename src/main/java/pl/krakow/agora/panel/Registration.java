package pl.krakow.agora.panel;

/**
 * A volunteer's registration: the anonymous id under which the draw names them, and (once, at
 * registration) the code with which they can withdraw without an account.
 */
public record Registration(String anonId, String withdrawalCode) {
}
