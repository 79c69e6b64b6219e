package pl.krakow.agora.forum;

/** A request for the floor. Ad vocem and points of order may jump the queue when the chair lets them. */
public enum SpeechKind {
    SPEECH, AD_VOCEM, POINT_OF_ORDER
}
