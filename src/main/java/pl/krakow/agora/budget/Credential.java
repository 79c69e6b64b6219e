package pl.krakow.agora.budget;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a voter shows: a one-time code (editions voting by codes), or an identifier and the date
 * of birth (editions voting by register; any identifier the register was built from: PESEL,
 * residence card, passport number).
 */
public record Credential(String secret, @Nullable LocalDate birthDate) {

    public static Credential code(String code) {
        return new Credential(code, null);
    }

    public static Credential registered(String identifier, LocalDate birthDate) {
        return new Credential(identifier, birthDate);
    }
}
