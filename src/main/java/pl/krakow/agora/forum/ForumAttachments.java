package pl.krakow.agora.forum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.FileTypes;
import pl.krakow.agora.platform.audit.AuditLog;

/**
 * Papers attached to agenda items (issue 7, item 2). The chair or an administrator attaches them to
 * any item of a session not yet closed; the member who proposed an item may attach to it while it is
 * a proposal. Only PDF, OpenDocument text, Word documents and images are taken, told by the file's
 * own bytes and matched against its name, at most {@value #MAX_FILES} per item of at most
 * {@value #MAX_MEGABYTES} MB each. Whoever may see the item may download its papers.
 */
@Service
public class ForumAttachments {

    public static final int MAX_MEGABYTES = 10;
    public static final int MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;
    public static final int MAX_FILES = 10;
    public static final int MAX_NAME = 200;
    public static final List<String> TYPES = List.of(FileTypes.PDF, FileTypes.ODT, FileTypes.DOCX, FileTypes.PNG,
            FileTypes.JPEG);
    /** What the upload field offers in the file chooser. */
    public static final List<String> ACCEPTED = List.of(".pdf", ".odt", ".docx", ".png", ".jpg", ".jpeg");

    private final ForumAccess access;
    private final ForumService forum;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    ForumAttachments(ForumAccess access, ForumService forum, AuditLog audit) {
        this.access = access;
        this.forum = forum;
        this.jdbc = access.jdbc();
        this.audit = audit;
    }

    /** A downloaded paper: its name, type and content. */
    public record File(String fileName, String mediaType, byte[] content) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public long attach(long itemId, String fileName, byte[] content) {
        long sessionId = lockForPapers(itemId).id();
        String name = fileName == null ? "" : fileName.strip().replaceAll("[\\p{Cntrl}/\\\\]", "_");
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new AgoraException("forum.error.attachment-name", MAX_NAME);
        }
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw new AgoraException("forum.error.attachment-size", MAX_MEGABYTES);
        }
        String type = FileTypes.sniff(content);
        if (type == null || !TYPES.contains(type) || !FileTypes.nameFits(name, type)) {
            throw new AgoraException("forum.error.attachment-type");
        }
        int already = jdbc.sql("SELECT COUNT(*) FROM forum_attachment WHERE item_id = :i").param("i", itemId)
                .query(Integer.class).single();
        if (already >= MAX_FILES) {
            throw new AgoraException("forum.error.attachment-count", MAX_FILES);
        }
        String sha = ForumAccess.sha256(content);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO forum_attachment (item_id, file_name, media_type, size_bytes, sha256, content, uploaded_by,
                  uploaded_at)
                VALUES (:i, :n, :t, :s, :h, :c, :u, :at)""")
                .param("i", itemId).param("n", name).param("t", type).param("s", content.length).param("h", sha)
                .param("c", content).param("u", access.user().id()).param("at", ForumAccess.ts(access.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        access.changed(sessionId);
        audit.record("forum.attachment.added", "forum-item:" + itemId, name + " sha256 " + sha);
        return id;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void remove(long attachmentId) {
        long itemId = itemOf(attachmentId);
        long sessionId = lockForPapers(itemId).id();
        String name = jdbc.sql("SELECT file_name FROM forum_attachment WHERE id = :id").param("id", attachmentId)
                .query(String.class).single();
        jdbc.sql("DELETE FROM forum_attachment WHERE id = :id").param("id", attachmentId).update();
        access.changed(sessionId);
        audit.record("forum.attachment.removed", "forum-item:" + itemId, name);
    }

    /** The papers of the session's items the reader may see, by item, in upload order. */
    @Transactional(readOnly = true)
    public Map<Long, List<Attachment>> ofSession(long sessionId) {
        Set<Long> visible = forum.agenda(sessionId).stream().map(AgendaItem::id).collect(Collectors.toSet());
        Map<Long, List<Attachment>> shown = new LinkedHashMap<>(metadata(jdbc, sessionId));
        shown.keySet().retainAll(visible);
        return shown;
    }

    /** Every item's papers (no content), by item, in upload order. */
    static Map<Long, List<Attachment>> metadata(JdbcClient jdbc, long sessionId) {
        return jdbc.sql("""
                SELECT a.id, a.item_id, a.file_name, a.media_type, a.size_bytes, a.sha256
                FROM forum_attachment a JOIN forum_agenda_item i ON i.id = a.item_id
                WHERE i.session_id = :s ORDER BY a.id""")
                .param("s", sessionId)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)))
                .list().stream()
                .collect(Collectors.groupingBy(Attachment::itemId, LinkedHashMap::new, Collectors.toList()));
    }

    /** A paper's content, for whoever may see its item; otherwise "no such attachment". */
    @Transactional(readOnly = true)
    public File file(long attachmentId) {
        long itemId = itemOf(attachmentId);
        boolean visible;
        try {
            visible = forum.agenda(forum.sessionOfItem(itemId)).stream().anyMatch(i -> i.id() == itemId);
        } catch (AgoraException hidden) {
            visible = false;
        }
        if (!visible) {
            throw new AgoraException("forum.error.no-attachment");
        }
        // the content is read only for a reader who may have it
        return jdbc.sql("SELECT file_name, media_type, content FROM forum_attachment WHERE id = :id")
                .param("id", attachmentId)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).single();
    }

    private long itemOf(long attachmentId) {
        return jdbc.sql("SELECT item_id FROM forum_attachment WHERE id = :id").param("id", attachmentId)
                .query(Long.class).optional().orElseThrow(() -> new AgoraException("forum.error.no-attachment"));
    }

    /** Locks the item's session for a change of its papers, once the user may make it. */
    private ForumAccess.SessionRow lockForPapers(long itemId) {
        ForumAccess.SessionRow session = access.lockSession(forum.sessionOfItem(itemId));
        if (session.status() == SessionStatus.CLOSED) {
            throw new AgoraException("forum.error.session-closed");
        }
        if (!mayAttach(session.bodyId(), itemId)) {
            throw new AgoraException("forum.error.not-chair");
        }
        return session;
    }

    /** Whether the signed-in user may add papers to the item (for the screens' buttons). */
    @Transactional(readOnly = true)
    public boolean mayAttach(long itemId) {
        if (access.userIfAny().isEmpty()) {
            return false;
        }
        ForumAccess.SessionRow session = access.session(forum.sessionOfItem(itemId));
        return session.status() != SessionStatus.CLOSED && mayAttach(session.bodyId(), itemId);
    }

    private boolean mayAttach(long bodyId, long itemId) {
        if (access.admin()) {
            return true;
        }
        var member = access.membership(bodyId);
        if (member.isEmpty()) {
            return false;
        }
        if (member.get().role() == MemberRole.CHAIR || member.get().role() == MemberRole.VICE_CHAIR) {
            return true;
        }
        return jdbc.sql("SELECT COUNT(*) FROM forum_agenda_item WHERE id = :i AND status = 'PROPOSED' AND proposed_by = :m")
                .param("i", itemId).param("m", member.get().id()).query(Integer.class).single() > 0;
    }
}
