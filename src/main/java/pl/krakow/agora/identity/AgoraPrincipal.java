package pl.krakow.agora.identity;

/** Implemented by every authenticated principal of Agora, local or OIDC, so that its user id is known. */
public interface AgoraPrincipal {

    long userId();

    String displayName();
}
