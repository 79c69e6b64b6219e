package pl.krakow.agora.forum;

import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.platform.AgoraException;

/**
 * A body's standing rules (issue 7, item 1): its quorum, the majority a motion needs unless the
 * chair names another, whether votes are open (roll-call) unless declared secret, whether a member
 * may change an open vote until it closes, and the speaking time per speaker.
 */
public record Statute(QuorumRule quorum, Majority defaultMajority, boolean openVotesByDefault,
        boolean voteChangeAllowed, int speakingSeconds) {

    public static final int MIN_SPEAKING = 30;
    public static final int MAX_SPEAKING = 3600;

    public Statute {
        if (quorum == null || defaultMajority == null) {
            throw new AgoraException("forum.error.statute-incomplete");
        }
        if (speakingSeconds < MIN_SPEAKING || speakingSeconds > MAX_SPEAKING) {
            throw new AgoraException("forum.error.speaking-time", MIN_SPEAKING, MAX_SPEAKING);
        }
    }

    /** Time for an ad vocem reply or a point of order: a minute, or less when speeches are shorter. */
    public int shortSeconds() {
        return Math.min(60, speakingSeconds);
    }
}
