package pl.krakow.agora.budget;

/** What a register import did: rows imported, rows left out as too young, rows already present. */
public record RegisterImport(int imported, int tooYoung, int alreadyPresent) {
}
