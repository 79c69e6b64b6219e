package pl.krakow.agora.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chapter 1's scheme as allowed moves (domain.md). */
class WorkflowStatusTest {

    @Test
    void aReviewEndsInOneOfTheSchemesFourOutcomes() {
        assertThat(WorkflowStatus.UNDER_REVIEW.next()).containsExactlyInAnyOrder(
                WorkflowStatus.EXISTING_SOLUTION_INFORM, WorkflowStatus.ADAPT_EXISTING,
                WorkflowStatus.NEW_IN_PROGRAMME, WorkflowStatus.OUT_OF_CITY_COMPETENCE);
    }

    @Test
    void implementationFollowsAnOutcomeNeverTheReviewDirectly() {
        assertThat(WorkflowStatus.UNDER_REVIEW.canMoveTo(WorkflowStatus.IN_IMPLEMENTATION)).isFalse();
        assertThat(WorkflowStatus.ADAPT_EXISTING.canMoveTo(WorkflowStatus.IN_IMPLEMENTATION)).isTrue();
        assertThat(WorkflowStatus.IN_IMPLEMENTATION.canMoveTo(WorkflowStatus.IMPLEMENTED)).isTrue();
        assertThat(WorkflowStatus.UNDER_REVIEW.canMoveTo(WorkflowStatus.IMPLEMENTED)).isFalse();
    }

    @Test
    void aProposalIsPublicOnlyOnceAModeratorMovedItToReview() {
        assertThat(WorkflowStatus.PROPOSED.isPublic()).isFalse();
        assertThat(WorkflowStatus.REJECTED.isPublic()).isFalse();
        assertThat(WorkflowStatus.PROPOSED.next()).containsExactlyInAnyOrder(WorkflowStatus.UNDER_REVIEW,
                WorkflowStatus.REJECTED);
        assertThat(WorkflowStatus.UNDER_REVIEW.isPublic()).isTrue();
    }

    @Test
    void noStatusMovesToItself() {
        for (WorkflowStatus status : WorkflowStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
    }
}
