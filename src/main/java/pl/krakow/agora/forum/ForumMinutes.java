package pl.krakow.agora.forum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import pl.krakow.agora.forum.LiveState.Vote;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.audit.AuditLog;

/**
 * Minutes (protokół, issue 7 item 9): generated from the session's record — attendance, items,
 * speakers, motions, vote results with the roll call of open votes, adopted texts — edited by the
 * secretary while a draft, approved by the chair at the next session of the body, then public as
 * HTML and PDF. The generated text is in Polish, the body's working language; the texts members
 * wrote are quoted as written (their translations are in the translation module).
 */
@Service
public class ForumMinutes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.MM.yyyy HH:mm", Locale.forLanguageTag("pl"))
            .withZone(ZoneId.of("Europe/Warsaw"));

    private final ForumAccess access;
    private final JdbcClient jdbc;
    private final LiveSession live;
    private final AuditLog audit;

    ForumMinutes(ForumAccess access, LiveSession live, AuditLog audit) {
        this.access = access;
        this.jdbc = access.jdbc();
        this.live = live;
        this.audit = audit;
    }

    /** The secretary (or the chair) generates the draft from the record of a closed session. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public MinutesDocument generate(long sessionId) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        secretaryOrChair(s.bodyId());
        if (s.status() != SessionStatus.CLOSED) {
            throw new AgoraException("forum.error.minutes-session-not-closed");
        }
        if (minutes(sessionId).map(MinutesDocument::approved).orElse(false)) {
            throw new AgoraException("forum.error.minutes-approved");
        }
        String text = record(sessionId);
        jdbc.sql("""
                INSERT INTO forum_minutes (session_id, body, status, edited_by, edited_at) VALUES (:s, :b, 'DRAFT', NULL, :at)
                ON DUPLICATE KEY UPDATE body = VALUES(body), edited_at = VALUES(edited_at), edited_by = NULL""")
                .param("s", sessionId).param("b", text).param("at", ForumAccess.ts(access.now())).update();
        audit.record("forum.minutes.generated", "forum-session:" + sessionId, "");
        return minutes(sessionId).orElseThrow();
    }

    /** The secretary edits the draft. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void edit(long sessionId, String text) {
        ForumAccess.SessionRow s = access.lockSession(sessionId);
        Member secretary = secretaryOrChair(s.bodyId());
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new AgoraException("forum.error.minutes-empty");
        }
        if (clean.length() > 1_000_000) {
            throw new AgoraException("forum.error.too-long", 1_000_000);
        }
        int rows = jdbc.sql("""
                UPDATE forum_minutes SET body = :b, edited_by = :m, edited_at = :at WHERE session_id = :s AND status = 'DRAFT'""")
                .param("b", clean).param("m", secretary.id()).param("at", ForumAccess.ts(access.now()))
                .param("s", sessionId).update();
        if (rows == 0) {
            throw new AgoraException("forum.error.minutes-not-draft");
        }
        audit.record("forum.minutes.edited", "forum-session:" + sessionId, secretary.displayName());
    }

    /** The chair approves the minutes of an earlier session at a later, open session of the same body. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void approve(long minutesSessionId, long atSessionId) {
        ForumAccess.SessionRow at = access.lockSession(atSessionId);
        ForumAccess.SessionRow of = access.session(minutesSessionId);
        access.chair(at.bodyId());
        if (of.bodyId() != at.bodyId() || at.number() <= of.number() || at.status() != SessionStatus.OPEN) {
            throw new AgoraException("forum.error.minutes-approve-where");
        }
        int rows = jdbc.sql("""
                UPDATE forum_minutes SET status = 'APPROVED', approved_in = :at, approved_at = :now
                WHERE session_id = :s AND status = 'DRAFT'""")
                .param("at", atSessionId).param("now", ForumAccess.ts(access.now())).param("s", minutesSessionId)
                .update();
        if (rows == 0) {
            throw new AgoraException("forum.error.minutes-not-draft");
        }
        access.changed(atSessionId);
        audit.record("forum.minutes.approved", "forum-session:" + minutesSessionId, "at session " + atSessionId);
    }

    /** Earlier sessions of the body whose minutes wait for approval, for the chair's screen. */
    @Transactional(readOnly = true)
    public List<SessionSummary> awaitingApproval(long atSessionId) {
        ForumAccess.SessionRow at = access.session(atSessionId);
        return jdbc.sql(ForumService.SESSION_SELECT + """
                 JOIN forum_minutes fm ON fm.session_id = s.id
                WHERE s.body_id = :b AND s.number < :n AND fm.status = 'DRAFT' ORDER BY s.number""")
                .param("b", at.bodyId()).param("n", at.number()).query((rs, n) -> ForumService.sessionSummary(rs)).list();
    }

    /**
     * The minutes as the reader may see them: approved minutes are public; a draft only for the
     * body's members and administrators.
     */
    @Transactional(readOnly = true)
    public Optional<MinutesDocument> minutes(long sessionId) {
        ForumAccess.SessionRow s = access.session(sessionId);
        boolean insider = access.admin() || access.membership(s.bodyId()).isPresent();
        return jdbc.sql("""
                SELECT fm.body, fm.status, fm.edited_at, a.number FROM forum_minutes fm
                LEFT JOIN forum_session a ON a.id = fm.approved_in WHERE fm.session_id = :s""")
                .param("s", sessionId)
                .query((rs, n) -> new MinutesDocument(sessionId, rs.getString(1), "APPROVED".equals(rs.getString(2)),
                        ForumAccess.instant(rs, 3), rs.getObject(4, Integer.class)))
                .optional().filter(m -> m.approved() || insider);
    }

    /** Whether the signed-in user may edit the minutes of this session. */
    @Transactional(readOnly = true)
    public boolean mayEdit(long sessionId) {
        ForumAccess.SessionRow s = access.session(sessionId);
        return access.membership(s.bodyId()).map(m -> m.role() == MemberRole.SECRETARY || m.role() == MemberRole.CHAIR
                || m.role() == MemberRole.VICE_CHAIR).orElse(false);
    }

    /** The minutes as an HTML fragment: every text escaped, "# " lines as headings. */
    public static String html(String text) {
        StringBuilder html = new StringBuilder();
        boolean list = false;
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("- ")) {
                if (!list) {
                    html.append("<ul>");
                    list = true;
                }
                html.append("<li>").append(HtmlUtils.htmlEscape(l.substring(2))).append("</li>");
                continue;
            }
            if (list) {
                html.append("</ul>");
                list = false;
            }
            if (l.startsWith("# ")) {
                html.append("<h2>").append(HtmlUtils.htmlEscape(l.substring(2))).append("</h2>");
            } else if (!l.isEmpty()) {
                html.append("<p>").append(HtmlUtils.htmlEscape(l)).append("</p>");
            }
        }
        if (list) {
            html.append("</ul>");
        }
        return html.toString();
    }

    /**
     * The minutes as PDF, with OpenPDF (LGPL/MPL, maintained, no native parts) and the Liberation
     * Sans font it ships, which covers Polish, Ukrainian and Russian letters.
     */
    public static byte[] pdf(String title, String text) {
        try (InputStream font = Document.class.getResourceAsStream("/font-fallback/LiberationSans-Regular.ttf")) {
            if (font == null) {
                throw new IllegalStateException("OpenPDF's Liberation Sans font is missing");
            }
            byte[] fontBytes = font.readAllBytes();
            BaseFont base = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, fontBytes, null);
            Font body = new Font(base, 11);
            Font heading = new Font(base, 14);
            Font titleFont = new Font(base, 18);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 50, 50, 50, 50);
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.open();
            document.add(new Paragraph(title, titleFont));
            for (String line : text.split("\n", -1)) {
                String l = line.strip();
                if (l.startsWith("# ")) {
                    Paragraph p = new Paragraph(l.substring(2), heading);
                    p.setSpacingBefore(10);
                    document.add(p);
                } else if (l.startsWith("- ")) {
                    Paragraph p = new Paragraph("• " + l.substring(2), body);
                    p.setIndentationLeft(12);
                    document.add(p);
                } else if (!l.isEmpty()) {
                    document.add(new Paragraph(l, body));
                }
            }
            document.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("PDF could not be written", e);
        }
    }

    private Member secretaryOrChair(long bodyId) {
        Member m = access.member(bodyId);
        if (m.role() == MemberRole.MEMBER) {
            throw new AgoraException("forum.error.not-secretary");
        }
        return m;
    }

    /** The session's record as the minutes' first draft. */
    String record(long sessionId) {
        SessionSummary session = jdbc.sql(ForumService.SESSION_SELECT + " WHERE s.id = :id").param("id", sessionId)
                .query((rs, n) -> ForumService.sessionSummary(rs)).single();
        StringBuilder t = new StringBuilder();
        t.append("# Protokół z sesji nr ").append(session.number()).append(" — ").append(session.bodyName()).append('\n');
        t.append("Termin: ").append(TIME.format(session.startsAt())).append(", miejsce: ").append(session.place()).append('\n');
        t.append("# Obecność\n");
        jdbc.sql("""
                SELECT m.display_name, m.role, a.mode FROM forum_member m
                LEFT JOIN forum_attendance a ON a.member_id = m.id AND a.session_id = :s
                WHERE m.body_id = :b ORDER BY m.display_name, m.id""")
                .param("s", sessionId).param("b", session.bodyId())
                .query((rs, n) -> "- " + rs.getString(1) + " (" + roleName(rs.getString(2)) + "): "
                        + (rs.getString(3) == null ? "nieobecny/a" : "REMOTE".equals(rs.getString(3)) ? "obecny/a zdalnie"
                                : "obecny/a na sali"))
                .list().forEach(l -> t.append(l).append('\n'));
        List<AgendaItem> items = ForumService.agendaOf(jdbc, sessionId).stream()
                .filter(i -> i.status() == ItemStatus.DONE || i.status() == ItemStatus.ACTIVE
                        || i.status() == ItemStatus.ACCEPTED)
                .toList();
        List<Vote> votes = live.votes(sessionId, "TRUE");
        for (AgendaItem item : items) {
            t.append("# ").append(item.position()).append(". ").append(item.title()).append('\n');
            if (!item.rapporteur().isEmpty()) {
                t.append("Referent: ").append(item.rapporteur()).append('\n');
            }
            if (item.status() == ItemStatus.ACCEPTED) {
                t.append("Punktu nie rozpatrzono.\n");
                continue;
            }
            List<String> speakers = jdbc.sql("""
                    SELECT m.display_name, s.kind FROM forum_speech s JOIN forum_member m ON m.id = s.member_id
                    WHERE s.item_id = :i AND s.floor_started_at IS NOT NULL ORDER BY s.floor_started_at, s.id""")
                    .param("i", item.id())
                    .query((rs, n) -> "- " + rs.getString(1) + ("SPEECH".equals(rs.getString(2)) ? ""
                            : "AD_VOCEM".equals(rs.getString(2)) ? " (ad vocem)" : " (wniosek formalny)"))
                    .list();
            t.append("Głos zabrali:").append(speakers.isEmpty() ? " nikt" : "").append('\n');
            speakers.forEach(sp -> t.append(sp).append('\n'));
            for (LiveState.Motion m : live.motions(item.id())) {
                t.append("Wniosek #").append(m.id()).append(m.kind() == MotionKind.AMENDMENT ? " (poprawka do #" + m.parentId() + ")"
                        : m.kind() == MotionKind.RESOLUTION ? " (projekt uchwały)" : "")
                        .append(m.author() == null ? "" : ", autor: " + m.author()).append(": ").append(m.text()).append('\n');
                votes.stream().filter(v -> v.motionId() == m.id() && !v.open()).forEach(v -> {
                    t.append("Głosowanie ").append(v.secret() ? "tajne" : "jawne").append(": za ").append(v.yes())
                            .append(", przeciw ").append(v.no()).append(", wstrzymało się ").append(v.abstain())
                            .append(" — ").append(Boolean.FALSE.equals(v.quorumMet()) ? "brak kworum, nie przyjęto"
                                    : Boolean.TRUE.equals(v.adopted()) ? "PRZYJĘTO" : "odrzucono").append('\n');
                    v.rollCall().forEach(r -> t.append("- ").append(r.name()).append(": ")
                            .append(r.choice() == Choice.YES ? "za" : r.choice() == Choice.NO ? "przeciw" : "wstrzymał/a się")
                            .append('\n'));
                    if (Boolean.TRUE.equals(v.adopted())) {
                        t.append("Przyjęty tekst: ").append(m.text()).append('\n');
                    }
                });
            }
        }
        return t.toString();
    }

    private static String roleName(String role) {
        return switch (role) {
            case "CHAIR" -> "przewodniczący/a";
            case "VICE_CHAIR" -> "wiceprzewodniczący/a";
            case "SECRETARY" -> "sekretarz";
            default -> "członek/członkini";
        };
    }
}
