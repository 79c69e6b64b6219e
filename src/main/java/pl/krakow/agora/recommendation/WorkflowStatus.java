package pl.krakow.agora.recommendation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The statuses of chapter 1's scheme ("Schemat pracy z rekomendacjami", domain.md): a
 * recommendation is reviewed, then the city decides whether an existing solution only needs to be
 * made known, whether it must be made accessible, whether the programme needs something new, or
 * whether the matter lies beyond the city's competence (then the city advocates at national level);
 * after that it is implemented. A resident's proposal starts as PROPOSED and is public only once a
 * moderator has moved it on; a proposal refused at that point is REJECTED and stays private.
 */
public enum WorkflowStatus {
    PROPOSED,
    REJECTED,
    UNDER_REVIEW,
    EXISTING_SOLUTION_INFORM,
    ADAPT_EXISTING,
    NEW_IN_PROGRAMME,
    OUT_OF_CITY_COMPETENCE,
    IN_IMPLEMENTATION,
    IMPLEMENTED;

    private static final Set<WorkflowStatus> OUTCOMES =
            EnumSet.of(EXISTING_SOLUTION_INFORM, ADAPT_EXISTING, NEW_IN_PROGRAMME, OUT_OF_CITY_COMPETENCE);

    /** The statuses this one may move to; a step back to review is always possible before implementation ends. */
    public Set<WorkflowStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(UNDER_REVIEW, REJECTED);
            case REJECTED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.copyOf(OUTCOMES);
            case EXISTING_SOLUTION_INFORM, ADAPT_EXISTING, NEW_IN_PROGRAMME, OUT_OF_CITY_COMPETENCE -> {
                Set<WorkflowStatus> next = EnumSet.of(UNDER_REVIEW, IN_IMPLEMENTATION);
                next.addAll(OUTCOMES);
                next.remove(this);
                yield next;
            }
            case IN_IMPLEMENTATION -> EnumSet.of(UNDER_REVIEW, IMPLEMENTED);
            case IMPLEMENTED -> EnumSet.of(IN_IMPLEMENTATION);
        };
    }

    public boolean canMoveTo(WorkflowStatus target) {
        return next().contains(target);
    }

    /** Whether the public (and the API) sees a recommendation in this status. */
    public boolean isPublic() {
        return this != PROPOSED && this != REJECTED;
    }

    public String messageKey() {
        return "recommendation.status." + name();
    }
}
