package pl.krakow.agora.budget;

/**
 * How a voter proves the right to vote, for people who may have no PESEL (report 8.2): a one-time
 * code handed out by an NGO or a consultation point, or an entry in a register imported as salted
 * hashes of an identifier and the date of birth.
 */
public enum Eligibility {
    CODES, REGISTER
}
