package pl.krakow.agora.recommendation;

/** A numbered section of the report, one bullet inside a section, or a resident's proposal. */
public enum RecommendationKind {
    SECTION,
    ITEM,
    PROPOSAL
}
