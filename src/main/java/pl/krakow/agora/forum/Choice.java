package pl.krakow.agora.forum;

/** A vote (za / przeciw / wstrzymuje się). */
public enum Choice {
    YES, NO, ABSTAIN
}
