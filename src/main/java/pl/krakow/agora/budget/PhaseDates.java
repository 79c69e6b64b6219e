package pl.krakow.agora.budget;

import java.time.Instant;

import pl.krakow.agora.platform.AgoraException;

/** When each phase starts; voting ends when results start. The phases follow each other in this order. */
public record PhaseDates(Instant submissionStart, Instant reviewStart, Instant appealsStart, Instant votingStart,
        Instant resultsStart) {

    public PhaseDates {
        if (submissionStart == null || reviewStart == null || appealsStart == null || votingStart == null
                || resultsStart == null) {
            throw new AgoraException("budget.error.dates-missing");
        }
        if (!submissionStart.isBefore(reviewStart) || !reviewStart.isBefore(appealsStart)
                || !appealsStart.isBefore(votingStart) || !votingStart.isBefore(resultsStart)) {
            throw new AgoraException("budget.error.dates-order");
        }
    }

    public Phase phaseAt(Instant now) {
        if (now.isBefore(submissionStart)) {
            return Phase.ANNOUNCED;
        }
        if (now.isBefore(reviewStart)) {
            return Phase.SUBMISSION;
        }
        if (now.isBefore(appealsStart)) {
            return Phase.REVIEW;
        }
        if (now.isBefore(votingStart)) {
            return Phase.APPEALS;
        }
        return now.isBefore(resultsStart) ? Phase.VOTING : Phase.RESULTS;
    }

    /** Everything that decides the result is frozen from the moment voting opens. */
    public boolean frozenAt(Instant now) {
        return !now.isBefore(votingStart);
    }
}
