package pl.krakow.agora.budget;

/** The receipt a voter is given; only its hash is stored, with the ballot. */
public record Receipt(String code) {
}
