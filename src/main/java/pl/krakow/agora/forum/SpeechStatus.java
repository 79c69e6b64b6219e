package pl.krakow.agora.forum;

/** A request for the floor, from waiting to done. */
public enum SpeechStatus {
    WAITING, SPEAKING, DONE, WITHDRAWN, DECLINED
}
