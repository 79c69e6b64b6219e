package pl.krakow.agora.budget;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.audit.AuditLog;
import pl.krakow.agora.platform.i18n.Formats;

/**
 * Voting (issue 9, item 4): one-time codes issued in batches, or a register of salted hashes;
 * online ballots checked against the edition's format and cast in one transaction by
 * {@link BallotBox}; paper ballots that count once two different staff members entered them alike;
 * the published anonymised ballots and the receipt look-up.
 */
@Service
public class VotingService {

    public static final int MAX_BATCH = 5000;
    static final String ONLINE = "ONLINE";
    static final String PAPER = "PAPER";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final EditionStore store;
    private final AuditLog audit;
    private final BallotBox box;
    private final TransactionTemplate transaction;
    private final String pepper;
    private static final String DEVELOPMENT_PEPPER = "agora-development-pepper-change-me";
    private static final Logger log = LoggerFactory.getLogger(VotingService.class);

    VotingService(JdbcClient jdbc, JdbcTemplate batch, EditionStore store, AuditLog audit,
            PlatformTransactionManager transactions,
            @Value("${agora.budget.pepper:" + DEVELOPMENT_PEPPER + "}") String pepper) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.store = store;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.box = new BallotBox(jdbc, transaction);
        this.pepper = pepper;
        if (DEVELOPMENT_PEPPER.equals(pepper)) {
            log.warn("agora.budget.pepper is not set: voting codes are hashed with the development pepper;"
                    + " set AGORA_BUDGET_PEPPER before issuing codes for a real edition");
        }
    }

    /** Issues a batch of one-time codes; their plain text exists only in the returned batch (print it). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CodeBatch issueCodes(long editionId, String label, int count) {
        Edition e = store.edition(editionId);
        if (e.eligibility() != Eligibility.CODES) {
            throw new AgoraException("budget.codes.error.not-codes");
        }
        if (e.phase() == Phase.RESULTS) {
            throw new AgoraException("budget.codes.error.voting-over");
        }
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new AgoraException("budget.codes.error.label");
        }
        if (count < 1 || count > MAX_BATCH) {
            throw new AgoraException("budget.codes.error.count", MAX_BATCH);
        }
        var keys = new GeneratedKeyHolder();
        java.time.Instant now = store.now();
        jdbc.sql("INSERT INTO budget_code_batch (edition_id, label, size, issued_by, issued_at) VALUES (:e, :l, :n, :by, :at)")
                .param("e", editionId).param("l", name).param("n", count).param("by", AuditActor.name())
                .param("at", EditionStore.timestamp(now)).update(keys);
        long batchId = Objects.requireNonNull(keys.getKey()).longValue();
        String salt = store.salt(editionId);
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            codes.add(Secrets.newCode());
        }
        List<Object[]> rows = new ArrayList<>(count);
        for (String code : codes) {
            rows.add(new Object[] {editionId, Secrets.hmac(pepper, salt, Secrets.normalise(code)), batchId});
        }
        batch.batchUpdate("INSERT INTO budget_voting_code (edition_id, code_hash, batch_id) VALUES (?, ?, ?)", rows);
        audit.record("budget.codes.issue", EditionService.target(editionId), "batch " + batchId + " \"" + name + "\": " + count);
        return new CodeBatch(batchId, name, now, List.copyOf(codes));
    }

    /**
     * Imports a voter register from CSV ({@code identifier;birth_date}, dates as 2001-12-31, a
     * header line allowed, {@code ;} or {@code ,}). Only salted hashes are stored, and only people
     * who are old enough on the first day of voting. A broken line refuses the whole file.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public RegisterImport importRegister(long editionId, byte[] csv) {
        Edition e = store.edition(editionId);
        if (e.eligibility() != Eligibility.REGISTER) {
            throw new AgoraException("budget.register.error.not-register");
        }
        if (e.phase() == Phase.RESULTS) {
            throw new AgoraException("budget.codes.error.voting-over");
        }
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LocalDate votingDay = LocalDate.ofInstant(e.dates().votingStart(), Formats.ZONE);
        String salt = store.salt(editionId);
        List<Object[]> rows = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        int tooYoung = 0;
        int duplicates = 0;
        String[] lines = text.split("\r\n|\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("identifier"))) {
                continue;
            }
            String[] cells = line.split("[;,]");
            if (cells.length != 2 || Secrets.normalise(cells[0]).isEmpty()) {
                throw new AgoraException("budget.register.error.line", i + 1);
            }
            LocalDate born;
            try {
                born = LocalDate.parse(cells[1].strip());
            } catch (DateTimeParseException bad) {
                throw new AgoraException("budget.register.error.line", i + 1);
            }
            if (Period.between(born, votingDay).getYears() < e.minAge()) {
                tooYoung++;
                continue;
            }
            String hash = registerHash(salt, cells[0], born);
            if (!seen.add(hash)) {
                duplicates++;
                continue;
            }
            rows.add(new Object[] {editionId, hash});
        }
        int[][] done = batch.batchUpdate("INSERT IGNORE INTO budget_register_entry (edition_id, id_hash) VALUES (?, ?)",
                rows, 1000, (ps, row) -> {
                    ps.setLong(1, (Long) row[0]);
                    ps.setString(2, (String) row[1]);
                });
        int imported = 0;
        for (int[] part : done) {
            for (int n : part) {
                imported += n > 0 || n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
        }
        duplicates += rows.size() - imported;
        audit.record("budget.register.import", EditionService.target(editionId),
                imported + " imported, " + tooYoung + " too young, " + duplicates + " already present");
        return new RegisterImport(imported, tooYoung, duplicates);
    }

    /** Tells a voter early whether the credential can vote (it is used up only by {@link #cast}). */
    @Transactional(readOnly = true)
    public void checkCredential(long editionId, Credential credential) {
        Edition e = store.edition(editionId);
        requireVoting(e);
        String key = voterKey(e, credential);
        if (e.eligibility() == Eligibility.CODES) {
            Optional<Boolean> used = jdbc.sql("SELECT used FROM budget_voting_code WHERE edition_id = :e AND code_hash = :h")
                    .param("e", editionId).param("h", key).query(Boolean.class).optional();
            if (used.isEmpty()) {
                throw new AgoraException("budget.vote.error.code-unknown");
            }
            if (used.get()) {
                throw new AgoraException("budget.vote.error.code-used");
            }
        } else if (jdbc.sql("SELECT COUNT(*) FROM budget_register_entry WHERE edition_id = :e AND id_hash = :h")
                .param("e", editionId).param("h", key).query(Long.class).single() == 0) {
            throw new AgoraException("budget.vote.error.not-registered");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM budget_voter_mark WHERE edition_id = :e AND voter_key = :k")
                .param("e", editionId).param("k", key).query(Long.class).single() > 0) {
            throw new AgoraException(e.eligibility() == Eligibility.CODES ? "budget.vote.error.code-used"
                    : "budget.vote.error.already-voted");
        }
    }

    /**
     * Casts an online ballot. Open to anyone holding a valid credential (no sign-in: the credential
     * is the right to vote). The transaction is {@link BallotBox}'s own, so that a failure of the
     * database is reported as "not recorded, try again" after the rollback, never half-done.
     */
    public Receipt cast(long editionId, Credential credential, BallotChoice choice) {
        return cast(box, editionId, credential, choice, ONLINE);
    }

    Receipt cast(BallotBox via, long editionId, Credential credential, BallotChoice choice, String channel) {
        // once frozen the rules are in memory: a vote then costs one transaction, the ballot box's
        VotingRules rules = store.cachedRules(editionId).orElseGet(() -> transaction.execute(s -> store.rules(editionId)));
        Edition e = rules.edition();
        requireVoting(e);
        BallotRules.Checked ballot = BallotRules.check(rules, choice);
        String key = voterKey(e, credential);
        return new Receipt(via.cast(editionId, method(e), key, ballot, channel, LocalDate.now(store.clockZone())));
    }

    /**
     * One staff entry of a paper ballot, with the voter's credential written on it. The ballot counts
     * when a second, different staff member enters the same choices; the credential is then used up
     * exactly as online, so nobody votes both ways.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional
    public PaperEntryOutcome enterPaper(long editionId, Credential credential, BallotChoice choice) {
        VotingRules rules = store.rules(editionId);
        Edition e = rules.edition();
        requireVoting(e);
        BallotRules.Checked ballot = BallotRules.check(rules, choice);
        String key = voterKey(e, credential);
        // the credential's row lock serialises entries of one paper ballot
        Optional<Boolean> used = e.eligibility() == Eligibility.CODES
                ? jdbc.sql("SELECT used FROM budget_voting_code WHERE edition_id = :e AND code_hash = :h FOR UPDATE")
                        .param("e", editionId).param("h", key).query(Boolean.class).optional()
                : jdbc.sql("SELECT FALSE FROM budget_register_entry WHERE edition_id = :e AND id_hash = :h FOR UPDATE")
                        .param("e", editionId).param("h", key).query(Boolean.class).optional();
        if (used.isEmpty()) {
            throw new AgoraException(e.eligibility() == Eligibility.CODES ? "budget.vote.error.code-unknown"
                    : "budget.vote.error.not-registered");
        }
        if (used.get() || jdbc.sql("SELECT COUNT(*) FROM budget_voter_mark WHERE edition_id = :e AND voter_key = :k")
                .param("e", editionId).param("k", key).query(Long.class).single() > 0) {
            throw new AgoraException("budget.vote.error.already-voted");
        }
        String staff = AuditActor.name();
        boolean mine = jdbc.sql("SELECT COUNT(*) FROM budget_paper_entry WHERE edition_id = :e AND voter_key = :k AND staff = :s")
                .param("e", editionId).param("k", key).param("s", staff).query(Long.class).single() > 0;
        if (mine) {
            throw new AgoraException("budget.paper.error.same-staff");
        }
        jdbc.sql("""
                INSERT INTO budget_paper_entry (edition_id, voter_key, staff, projects, points, entered_at)
                VALUES (:e, :k, :s, :p, :pts, :at)""")
                .param("e", editionId).param("k", key).param("s", staff).param("p", ballot.projectsText())
                .param("pts", ballot.pointsText()).param("at", EditionStore.timestamp(store.now())).update();
        long agreeing = jdbc.sql("""
                SELECT COUNT(*) FROM budget_paper_entry WHERE edition_id = :e AND voter_key = :k AND staff <> :s
                    AND projects = :p AND points = :pts""")
                .param("e", editionId).param("k", key).param("s", staff).param("p", ballot.projectsText())
                .param("pts", ballot.pointsText()).query(Long.class).single();
        if (agreeing > 0) {
            box.useCredential(editionId, method(e), key);
            box.record(editionId, key, ballot, PAPER, LocalDate.now(store.clockZone()));
            // the paper is the record; the entries would tie the credential to the choices
            jdbc.sql("DELETE FROM budget_paper_entry WHERE edition_id = :e AND voter_key = :k")
                    .param("e", editionId).param("k", key).update();
            audit.record("budget.paper.counted", EditionService.target(editionId), "second entry");
            return PaperEntryOutcome.COUNTED;
        }
        long others = jdbc.sql("SELECT COUNT(*) FROM budget_paper_entry WHERE edition_id = :e AND voter_key = :k AND staff <> :s")
                .param("e", editionId).param("k", key).param("s", staff).query(Long.class).single();
        audit.record("budget.paper.entered", EditionService.target(editionId), others > 0 ? "differs" : "first entry");
        return others > 0 ? PaperEntryOutcome.ENTRIES_DIFFER : PaperEntryOutcome.AWAITING_SECOND_ENTRY;
    }

    /** The anonymised ballots, published once voting has ended (administrators may look earlier). */
    @Transactional(readOnly = true)
    public List<PublishedBallot> publishedBallots(long editionId) {
        Edition e = store.edition(editionId);
        if (e.phase() != Phase.RESULTS && !isAdmin()) {
            throw new AgoraException("budget.results.error.not-yet");
        }
        return box.ballots(editionId).stream().map(VotingService::published).toList();
    }

    /** The ballot a receipt belongs to: a voter checks it was counted as cast. */
    @Transactional(readOnly = true)
    public Optional<PublishedBallot> findReceipt(long editionId, String receipt) {
        store.edition(editionId);
        String hash = Secrets.receiptHash(receipt == null ? "" : receipt);
        return jdbc.sql("SELECT projects, points, receipt_hash, channel FROM budget_ballot WHERE edition_id = :e AND receipt_hash = :h")
                .param("e", editionId).param("h", hash)
                .query((rs, n) -> new BallotBox.StoredBallot(BallotBox.ids(rs.getString("projects")),
                        BallotBox.ints(rs.getString("points")), rs.getString("receipt_hash"), rs.getString("channel")))
                .optional().map(VotingService::published);
    }

    /** How many ballots count (for the admin page and the results). */
    @Transactional(readOnly = true)
    public long ballotCount(long editionId) {
        return jdbc.sql("SELECT COUNT(*) FROM budget_ballot WHERE edition_id = :e").param("e", editionId)
                .query(Long.class).single();
    }

    /** The fingerprint printed beside a ballot: the first 16 hex digits of the receipt's SHA-256. */
    public static String fingerprint(String receipt) {
        return Secrets.receiptHash(receipt).substring(0, 16);
    }

    /** For the dev-profile demo only: a batch of codes whose plain text is published in the README. */
    long registerKnownCodes(long editionId, String label, List<String> codes) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO budget_code_batch (edition_id, label, size, issued_by, issued_at) VALUES (:e, :l, :n, 'system', :at)")
                .param("e", editionId).param("l", label).param("n", codes.size())
                .param("at", EditionStore.timestamp(store.now())).update(keys);
        long batchId = Objects.requireNonNull(keys.getKey()).longValue();
        String salt = store.salt(editionId);
        for (String code : codes) {
            jdbc.sql("INSERT INTO budget_voting_code (edition_id, code_hash, batch_id) VALUES (:e, :h, :b)")
                    .param("e", editionId).param("h", Secrets.hmac(pepper, salt, Secrets.normalise(code)))
                    .param("b", batchId).update();
        }
        return batchId;
    }

    BallotBox box() {
        return box;
    }

    private static PublishedBallot published(BallotBox.StoredBallot b) {
        return new PublishedBallot(b.receiptHash().substring(0, 16), b.projects(), b.points(), b.channel());
    }

    private static boolean isAdmin() {
        var a = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()));
    }

    private static void requireVoting(Edition e) {
        if (e.phase() != Phase.VOTING) {
            throw new AgoraException(e.phase() == Phase.RESULTS ? "budget.vote.error.closed" : "budget.vote.error.not-open");
        }
    }

    private static BallotBox.Method method(Edition e) {
        return e.eligibility() == Eligibility.CODES ? BallotBox.Method.CODE : BallotBox.Method.REGISTER;
    }

    String voterKey(Edition e, Credential credential) {
        String salt = store.salt(e.id());
        String secret = credential.secret() == null ? "" : credential.secret();
        if (e.eligibility() == Eligibility.CODES) {
            String code = Secrets.normalise(secret);
            if (code.isEmpty()) {
                throw new AgoraException("budget.vote.error.code-unknown");
            }
            return Secrets.hmac(pepper, salt, code);
        }
        if (Secrets.normalise(secret).isEmpty() || credential.birthDate() == null) {
            throw new AgoraException("budget.vote.error.not-registered");
        }
        return registerHash(salt, secret, credential.birthDate());
    }

    private String registerHash(String salt, String identifier, LocalDate born) {
        return Secrets.hmac(pepper, salt, Secrets.normalise(identifier) + "|" + born);
    }
}
