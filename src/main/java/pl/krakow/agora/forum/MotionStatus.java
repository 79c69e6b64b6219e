package pl.krakow.agora.forum;

/** A motion from submission to its result. */
public enum MotionStatus {
    PENDING, VOTING, ADOPTED, REJECTED, WITHDRAWN
}
