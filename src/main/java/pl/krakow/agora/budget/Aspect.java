package pl.krakow.agora.budget;

/** What the city checks in review (issue 9, item 3), each with a published justification. */
public enum Aspect {
    FORMAL, LEGAL, TECHNICAL, COST
}
