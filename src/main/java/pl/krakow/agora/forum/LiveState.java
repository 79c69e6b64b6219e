package pl.krakow.agora.forum;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.platform.ContentRef;

/**
 * Everything a screen shows of a session at one version, read in one transaction (issue 7, item 7).
 * attachments: the papers of the agenda items, by item id. serverNow lets a screen compute the countdown against the server's clock, whatever its own says.
 */
public record LiveState(long version, Instant serverNow, SessionSummary session, Statute statute, int members,
        int presentRoom, int presentRemote, int quorumRequired, List<AgendaItem> agenda,
        @Nullable AgendaItem currentItem, @Nullable Speaker speaking, List<Speaker> queue, List<Motion> motions,
        @Nullable Vote vote, List<Vote> closedVotes, List<Attendee> attendance,
        Map<Long, List<Attachment>> attachments, @Nullable Viewer viewer) {

    public int present() {
        return presentRoom + presentRemote;
    }

    public boolean quorum() {
        return members > 0 && present() >= quorumRequired;
    }

    /** A request for the floor, waiting or being given. */
    public record Speaker(long id, long memberId, String name, SpeechKind kind, boolean priority,
            @Nullable Instant floorStartedAt, int secondsAllowed) {

        /** Seconds left at the given instant (negative when over time). */
        public long secondsLeft(Instant now) {
            return floorStartedAt == null ? secondsAllowed
                    : secondsAllowed - java.time.Duration.between(floorStartedAt, now).toSeconds();
        }
    }

    /** textRef: where the text's translations are found (a draft resolution's are the agenda item's). */
    public record Motion(long id, @Nullable Long parentId, MotionKind kind, String text, String language,
            @Nullable String author, MotionStatus status, int order, ContentRef textRef) {
    }

    /** A vote; the totals, the result and the roll call are there once it is closed. */
    public record Vote(long id, long motionId, String motionText, ContentRef textRef, MotionKind motionKind, boolean secret,
            Majority majority, boolean open, int cast, int membersCount, @Nullable Integer yes, @Nullable Integer no,
            @Nullable Integer abstain, @Nullable Boolean quorumMet, @Nullable Boolean adopted, List<RollCall> rollCall) {
    }

    public record RollCall(String name, Choice choice) {
    }

    public record Attendee(long memberId, String name, MemberRole role, @Nullable AttendanceMode mode) {
    }

    /**
     * The signed-in member looking at the session: role, check-in, own waiting request, own vote in
     * the open vote (the choice only in an open vote; in a secret one only that they voted).
     */
    public record Viewer(long memberId, MemberRole role, @Nullable AttendanceMode checkedIn,
            @Nullable Long waitingRequest, boolean voted, @Nullable Choice choice) {

        public boolean chairs() {
            return role == MemberRole.CHAIR || role == MemberRole.VICE_CHAIR;
        }

        public boolean present() {
            return checkedIn != null;
        }
    }
}
