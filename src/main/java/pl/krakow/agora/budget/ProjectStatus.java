package pl.krakow.agora.budget;

/** Where a project is in review: SUBMITTED until assessed; ACCEPTED goes on the ballot. */
public enum ProjectStatus {
    SUBMITTED, ACCEPTED, REJECTED, APPEALED
}
