package pl.krakow.agora.budget;

import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import pl.krakow.agora.platform.AgoraException;

/**
 * The writes of one vote, in one transaction (architecture.md "Voting integrity"): the credential
 * is used up, the "has voted" row is written (its primary key is the one-person-one-vote rule, on
 * every node), the ballot is written without anything that points to the voter. Either all three
 * are committed or none: a lost connection, a crash or a second attempt leaves no half-written vote.
 */
final class BallotBox {

    enum Method { CODE, REGISTER }

    private final JdbcClient jdbc;
    private final TransactionOperations transaction;

    BallotBox(JdbcClient jdbc, TransactionOperations transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * @return the receipt code; only its hash is stored
     * @throws AgoraException a translated refusal (code unknown or used, already voted, not recorded)
     */
    String cast(long edition, Method method, String voterKey, BallotRules.Checked ballot, String channel, LocalDate today) {
        try {
            return transaction.execute(status -> {
                useCredential(edition, method, voterKey);
                return record(edition, voterKey, ballot, channel, today);
            });
        } catch (AgoraException refused) {
            throw refused;
        } catch (DataAccessException | org.springframework.transaction.TransactionException lost) {
            // the database rolled the transaction back (or never committed it): nothing of the vote is kept
            throw new AgoraException("budget.vote.error.not-recorded");
        }
    }

    /** Marks the credential used; refuses a used or unknown one. Runs inside the caller's transaction. */
    void useCredential(long edition, Method method, String voterKey) {
        if (method == Method.CODE) {
            int used = jdbc.sql("UPDATE budget_voting_code SET used = TRUE WHERE edition_id = :e AND code_hash = :h AND used = FALSE")
                    .param("e", edition).param("h", voterKey).update();
            if (used != 1) {
                boolean exists = jdbc.sql("SELECT COUNT(*) FROM budget_voting_code WHERE edition_id = :e AND code_hash = :h")
                        .param("e", edition).param("h", voterKey).query(Long.class).single() > 0;
                throw new AgoraException(exists ? "budget.vote.error.code-used" : "budget.vote.error.code-unknown");
            }
        } else if (jdbc.sql("SELECT COUNT(*) FROM budget_register_entry WHERE edition_id = :e AND id_hash = :h")
                .param("e", edition).param("h", voterKey).query(Long.class).single() == 0) {
            throw new AgoraException("budget.vote.error.not-registered");
        }
    }

    /** Writes "has voted" and the ballot. Runs inside the caller's transaction. */
    String record(long edition, String voterKey, BallotRules.Checked ballot, String channel, LocalDate today) {
        try {
            jdbc.sql("INSERT INTO budget_voter_mark (edition_id, voter_key, voted_on) VALUES (:e, :k, :d)")
                    .param("e", edition).param("k", voterKey).param("d", java.sql.Date.valueOf(today)).update();
        } catch (DuplicateKeyException twice) {
            throw new AgoraException("budget.vote.error.already-voted");
        }
        String receipt = Secrets.newCode();
        jdbc.sql("""
                INSERT INTO budget_ballot (id, edition_id, projects, points, receipt_hash, channel)
                VALUES (:id, :e, :projects, :points, :receipt, :channel)""")
                .param("id", Secrets.randomId()).param("e", edition)
                .param("projects", ballot.projectsText()).param("points", ballot.pointsText())
                .param("receipt", Secrets.receiptHash(receipt)).param("channel", channel)
                .update();
        return receipt;
    }

    /** Every counted ballot of an edition, in receipt-hash order (which says nothing about who or when). */
    List<StoredBallot> ballots(long edition) {
        return jdbc.sql("SELECT projects, points, receipt_hash, channel FROM budget_ballot WHERE edition_id = :e ORDER BY receipt_hash")
                .param("e", edition)
                .query((rs, n) -> new StoredBallot(ids(rs.getString("projects")), ints(rs.getString("points")),
                        rs.getString("receipt_hash"), rs.getString("channel")))
                .list();
    }

    record StoredBallot(List<Long> projects, List<Integer> points, String receiptHash, String channel) {
    }

    static List<Long> ids(String text) {
        return text.isEmpty() ? List.of() : java.util.Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    static List<Integer> ints(String text) {
        return text.isEmpty() ? List.of() : java.util.Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
}
