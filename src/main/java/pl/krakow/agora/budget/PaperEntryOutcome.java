package pl.krakow.agora.budget;

/** What one staff entry of a paper ballot led to. */
public enum PaperEntryOutcome {
    /** First entry: a second staff member must enter the same ballot. */
    AWAITING_SECOND_ENTRY,
    /** Two staff members entered the same ballot: it counts now. */
    COUNTED,
    /** The entries differ: the paper must be checked and entered again by another staff member. */
    ENTRIES_DIFFER
}
