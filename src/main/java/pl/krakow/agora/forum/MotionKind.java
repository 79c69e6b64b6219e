package pl.krakow.agora.forum;

/** What is put to a vote: a motion, an amendment to a motion, or the agenda item draft resolution. */
public enum MotionKind {
    MOTION, AMENDMENT, RESOLUTION
}
