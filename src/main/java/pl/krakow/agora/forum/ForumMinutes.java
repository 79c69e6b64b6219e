package pl.krakow.agora.forum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.i18n.I18NProvider;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import pl.krakow.agora.forum.LiveState.Vote;
import pl.krakow.agora.platform.ContentRef;
import pl.krakow.agora.platform.ContentSubmitted;
import pl.krakow.agora.platform.i18n.UiLanguage;
import pl.krakow.agora.translation.LocalizedText;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.audit.AuditLog;

/**
 * Minutes (protokół, issue 7 item 9): generated from the session's record — attendance, items,
 * speakers, motions, vote results with the roll call of open votes, adopted texts — edited by the
 * secretary while a draft, approved by the chair at the next session of the body, then public as
 * HTML and PDF. The generated text is in Polish, the body's working language; the texts members
 * wrote are quoted as written with their Polish translations. Approved minutes go to translation
 * section by section, so that readers get them in their language with the original beside them.
 */
@Service
public class ForumMinutes {

    /** The body's working language, in which the minutes are drafted and approved. */
    public static final UiLanguage LANGUAGE = UiLanguage.PL;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.MM.yyyy HH:mm", Locale.forLanguageTag("pl"))
            .withZone(ZoneId.of("Europe/Warsaw"));

    private final ForumAccess access;
    private final JdbcClient jdbc;
    private final LiveSession live;
    private final AuditLog audit;
    private final ForumTexts texts;
    private final I18NProvider i18n;
    private final ApplicationEventPublisher events;

    ForumMinutes(ForumAccess access, LiveSession live, AuditLog audit, ForumTexts texts, I18NProvider i18n,
            ApplicationEventPublisher events) {
        this.access = access;
        this.jdbc = access.jdbc();
        this.live = live;
        this.audit = audit;
        this.texts = texts;
        this.i18n = i18n;
        this.events = events;
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
        String approved = jdbc.sql("SELECT body FROM forum_minutes WHERE session_id = :s").param("s", minutesSessionId)
                .query(String.class).single();
        List<String> parts = sections(approved);
        for (int i = 0; i < parts.size(); i++) {
            events.publishEvent(new ContentSubmitted(sectionRef(minutesSessionId, i), parts.get(i), null, LANGUAGE.tag()));
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

    /** Longest section sent to translators (a translation may be at most 20,000 characters). */
    static final int SECTION_CHARS = 15_000;

    /**
     * The minutes cut for translation: a section per "# " heading, a long section cut at line ends
     * (a very long line at a space) so that no section exceeds {@link #SECTION_CHARS}. Joined with
     * line breaks the sections give the text back.
     */
    public static List<String> sections(String text) {
        List<String> sections = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            boolean heading = line.startsWith("# ");
            while (line.length() > SECTION_CHARS) {
                int cut = line.lastIndexOf(' ', SECTION_CHARS);
                cut = cut <= 0 ? SECTION_CHARS : cut;
                flush(sections, current);
                sections.add(line.substring(0, cut));
                line = line.substring(cut).stripLeading();
            }
            if ((heading || current.length() + line.length() + 1 > SECTION_CHARS) && !current.isEmpty()) {
                flush(sections, current);
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
        }
        flush(sections, current);
        return sections;
    }

    private static void flush(List<String> sections, StringBuilder current) {
        if (!current.isEmpty()) {
            sections.add(current.toString());
            current.setLength(0);
        }
    }

    public static ContentRef sectionRef(long sessionId, int section) {
        return new ContentRef(ForumService.MODULE, "minutes-section", sessionId + "-" + section);
    }

    /**
     * Approved minutes as the reader is shown them, section by section: the approved translation
     * into the reader's language with the original beside it, or else the original.
     */
    @Transactional(readOnly = true)
    public List<LocalizedText> shown(long sessionId, UiLanguage reader) {
        MinutesDocument doc = minutes(sessionId).filter(MinutesDocument::approved).orElse(null);
        if (doc == null) {
            return List.of();
        }
        List<String> parts = sections(doc.text());
        Map<ContentRef, String> originals = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            originals.put(sectionRef(sessionId, i), parts.get(i));
        }
        Map<ContentRef, LocalizedText> shown = texts.texts(originals, reader);
        return originals.keySet().stream().map(shown::get).toList();
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

    /**
     * The session's record as the minutes' first draft, worded in the body's working language
     * (Polish, {@link #LANGUAGE}) from the forum's bundle. A member's text written in another
     * language is quoted as written, followed by its approved Polish translation, or by a note that
     * the translation is pending (issue 7, item 9: "contributions in other languages go through
     * translation").
     */
    String record(long sessionId) {
        SessionSummary session = jdbc.sql(ForumService.SESSION_SELECT + " WHERE s.id = :id").param("id", sessionId)
                .query((rs, n) -> ForumService.sessionSummary(rs)).single();
        StringBuilder t = new StringBuilder();
        line(t, "# " + t("forum.record.heading", session.number(), session.bodyName()));
        line(t, t("forum.record.when", TIME.format(session.startsAt()), session.place()));
        line(t, "# " + t("forum.record.attendance"));
        jdbc.sql("""
                SELECT m.display_name, m.role, a.mode FROM forum_member m
                LEFT JOIN forum_attendance a ON a.member_id = m.id AND a.session_id = :s
                WHERE m.body_id = :b ORDER BY m.display_name, m.id""")
                .param("s", sessionId).param("b", session.bodyId())
                .query((rs, n) -> "- " + rs.getString(1) + " (" + t("forum.role." + rs.getString(2)) + "): "
                        + t(rs.getString(3) == null ? "forum.record.absent" : "forum.record.present-" + rs.getString(3)))
                .list().forEach(l -> line(t, l));
        List<AgendaItem> items = ForumService.agendaOf(jdbc, sessionId).stream()
                .filter(i -> i.status() == ItemStatus.DONE || i.status() == ItemStatus.ACTIVE
                        || i.status() == ItemStatus.ACCEPTED)
                .toList();
        List<Vote> votes = live.votes(sessionId, "TRUE");
        Map<Long, List<LiveState.Motion>> motions = new LinkedHashMap<>();
        items.forEach(i -> motions.put(i.id(), live.motions(i.id())));
        Map<ContentRef, LocalizedText> polish = new HashMap<>(texts.agenda(items, LANGUAGE));
        polish.putAll(texts.motions(motions.values().stream().flatMap(List::stream).toList(), LANGUAGE));
        for (AgendaItem item : items) {
            line(t, "# " + item.number() + ". " + item.title());
            translation(t, polish.get(ForumService.itemRef(item.id())));
            if (!item.rapporteur().isEmpty()) {
                line(t, t("forum.record.rapporteur", item.rapporteur()));
            }
            if (item.status() == ItemStatus.ACCEPTED) {
                line(t, t("forum.record.not-considered"));
                continue;
            }
            List<String> speakers = jdbc.sql("""
                    SELECT m.display_name, s.kind FROM forum_speech s JOIN forum_member m ON m.id = s.member_id
                    WHERE s.item_id = :i AND s.floor_started_at IS NOT NULL ORDER BY s.floor_started_at, s.id""")
                    .param("i", item.id())
                    .query((rs, n) -> "- " + rs.getString(1) + ("SPEECH".equals(rs.getString(2)) ? ""
                            : " (" + t("forum.speech." + rs.getString(2)) + ")"))
                    .list();
            line(t, speakers.isEmpty() ? t("forum.record.nobody-spoke") : t("forum.record.speakers"));
            speakers.forEach(sp -> line(t, sp));
            for (LiveState.Motion m : motions.get(item.id())) {
                String kind = m.kind() == MotionKind.AMENDMENT ? " (" + t("forum.record.amendment-of", m.parentId()) + ")"
                        : m.kind() == MotionKind.RESOLUTION ? " (" + t("forum.record.resolution") + ")" : "";
                String author = m.author() == null ? "" : ", " + t("forum.record.author", m.author());
                line(t, t("forum.record.motion", m.id(), kind + author, m.text()));
                translation(t, polish.get(m.textRef()));
                votes.stream().filter(v -> v.motionId() == m.id() && !v.open()).forEach(v -> {
                    String outcome = Boolean.FALSE.equals(v.quorumMet()) ? t("forum.record.no-quorum")
                            : Boolean.TRUE.equals(v.adopted()) ? t("forum.record.adopted") : t("forum.record.rejected");
                    line(t, t(v.secret() ? "forum.record.vote-secret" : "forum.record.vote-open", v.yes(), v.no(),
                            v.abstain(), outcome));
                    v.rollCall().forEach(r -> line(t, "- " + r.name() + ": " + t("forum.record.choice." + r.choice().name())));
                    if (Boolean.TRUE.equals(v.adopted())) {
                        line(t, t("forum.record.adopted-text", m.text()));
                    }
                });
            }
        }
        return t.toString();
    }

    /** A member's text in another language: its approved Polish translation, or a note that it is pending. */
    private void translation(StringBuilder t, @Nullable LocalizedText shown) {
        if (shown == null) {
            return;
        }
        if (shown.isTranslation()) {
            line(t, t("forum.record.translation", language(shown.originalLanguage()), shown.text()));
        } else if (shown.translationPending()) {
            line(t, t("forum.record.translation-pending", language(shown.originalLanguage())));
        }
    }

    private static void line(StringBuilder t, String line) {
        // a member's text with line breaks stays one paragraph of the minutes
        t.append(line.replace('\n', ' ').replace('\r', ' ')).append('\n');
    }

    private String t(String key, Object... args) {
        return i18n.getTranslation(key, LANGUAGE.locale(), args);
    }

    private static String language(String tag) {
        return Locale.forLanguageTag(tag).getDisplayLanguage(LANGUAGE.locale());
    }
}
