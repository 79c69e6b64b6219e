package pl.krakow.agora.panel;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import pl.krakow.agora.translation.LocalizedText;

/** A panel's private workspace as one of its people sees it (issue 6, item 8). */
public record Workspace(long panelId, String topic, WorkspaceRole myRole, int members, int thresholdPercent,
        int quorumPercent, List<PanelOverview.Meeting> meetings, List<Staff> staff, List<Material> materials,
        List<Draft> drafts) {

    public Workspace {
        meetings = List.copyOf(meetings);
        staff = List.copyOf(staff);
        materials = List.copyOf(materials);
        drafts = List.copyOf(drafts);
    }

    /** A facilitator or invited expert. */
    public record Staff(String username, String name, WorkspaceRole role) {
    }

    /** A material for the panel's learning phase, in the reader's language where translated. */
    public record Material(long id, LocalizedText title, LocalizedText body, String author, Instant createdAt) {
    }

    /** A draft recommendation with all its versions (newest last) and, once voted, the result. */
    public record Draft(long id, DraftStatus status, List<Version> versions, @Nullable Tally tally,
            boolean iVoted, @Nullable String recommendationCode) {
        public Draft {
            versions = List.copyOf(versions);
        }

        public Version latest() {
            return versions.get(versions.size() - 1);
        }
    }

    /** One version of a draft. */
    public record Version(int number, LocalizedText title, LocalizedText body, String author, Instant createdAt) {
    }

    /** Votes cast on a closed draft, the quorum and whether it was adopted. */
    public record Tally(int yes, int no, int abstain, int members, boolean quorumMet, boolean adopted) {
        public int cast() {
            return yes + no + abstain;
        }
    }
}
