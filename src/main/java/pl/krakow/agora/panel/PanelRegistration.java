package pl.krakow.agora.panel;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pl.krakow.agora.identity.CurrentUser;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.AgoraException;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Volunteers join a panel's pool (issue 6, item 2): signed in, or with a contact address; they
 * declare one value per category and consent explicitly (the consent text version is stored with
 * the registration); they may withdraw until the pool is frozen. The draw knows them only by an
 * anonymous id.
 */
@Service
public class PanelRegistration {

    /** Version of the consent text ({@code panel.consent.*} in the bundles) a registration agreed to. */
    public static final String CONSENT_VERSION = "2026-12";
    public static final int MAX_CONTACT = 320;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PoolLoader pools;
    private final CurrentUser currentUser;
    private final Clock clock;

    PanelRegistration(JdbcClient jdbc, PoolLoader pools, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.pools = pools;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Registers the current user (or, when not signed in, the given contact) in the pool. */
    @Transactional
    public Registration register(long panelId, VolunteerForm form, UiLanguage language) {
        Instant now = clock.instant();
        // the panel row lock orders registrations against closing the pool
        var window = jdbc.sql("SELECT status, registration_opens, registration_closes FROM panel_panel"
                        + " WHERE id = :id FOR UPDATE")
                .param("id", panelId)
                .query((rs, i) -> rs.getString(1).equals("REGISTRATION")
                        && !now.isBefore(rs.getTimestamp(2).toInstant()) && now.isBefore(rs.getTimestamp(3).toInstant()))
                .optional().orElseThrow(() -> new AgoraException("panel.error.not-found"));
        if (!window) {
            throw new AgoraException("panel.register.error.closed");
        }
        if (!form.consent()) {
            throw new AgoraException("panel.register.error.consent");
        }
        Optional<UserRef> user = currentUser.get();
        String contact = null;
        if (user.isEmpty()) {
            contact = form.contact() == null ? "" : form.contact().strip();
            if (contact.length() > MAX_CONTACT || !(EMAIL.matcher(contact).matches() || PHONE.matcher(contact).matches())) {
                throw new AgoraException("panel.register.error.contact");
            }
            contact = contact.toLowerCase(java.util.Locale.ROOT);
        }
        var categories = pools.categories(panelId);
        for (PoolLoader.CategoryRow c : categories) {
            Long value = form.values().get(c.id());
            if (value == null || c.values().stream().noneMatch(v -> v.id() == value)) {
                throw new AgoraException("panel.register.error.value", c.name());
            }
        }
        if (form.values().size() != categories.size()) {
            throw new AgoraException("panel.register.error.unknown-category");
        }
        String code = randomCode(12);
        String anonId = "V-" + randomCode(8);
        try {
            jdbc.sql("INSERT INTO panel_volunteer (panel_id, anon_id, username, contact, language, withdrawal_hash,"
                            + " consent_version, consented_at, created_at)"
                            + " VALUES (:p, :anon, :user, :contact, :lang, :hash, :consent, :now, :now)")
                    .param("p", panelId).param("anon", anonId).param("user", user.map(UserRef::username).orElse(null))
                    .param("contact", contact).param("lang", language.tag()).param("hash", Panels.sha256(code))
                    .param("consent", CONSENT_VERSION).param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new AgoraException("panel.register.error.already");
        }
        long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        for (PoolLoader.CategoryRow c : categories) {
            jdbc.sql("INSERT INTO panel_volunteer_value (volunteer_id, category_id, value_id) VALUES (:v, :c, :val)")
                    .param("v", id).param("c", c.id()).param("val", form.values().get(c.id())).update();
        }
        return new Registration(anonId, code);
    }

    /** The anonymous id of the current user's active registration in the panel, if any. */
    @Transactional(readOnly = true)
    public Optional<String> myRegistration(long panelId) {
        return currentUser.get().flatMap(u -> jdbc.sql("SELECT anon_id FROM panel_volunteer WHERE panel_id = :p"
                        + " AND username = :u AND withdrawn_at IS NULL")
                .param("p", panelId).param("u", u.username()).query(String.class).optional());
    }

    /** The signed-in volunteer withdraws from the pool (only while registration is open). */
    @Transactional
    public void withdrawMine(long panelId) {
        UserRef user = currentUser.get().orElseThrow(() -> new AgoraException("panel.withdraw.error.not-registered"));
        lockOpen(panelId);
        withdraw(jdbc.sql("SELECT id FROM panel_volunteer WHERE panel_id = :p AND username = :u AND withdrawn_at IS NULL")
                .param("p", panelId).param("u", user.username()).query(Long.class).optional());
    }

    /** A volunteer without an account withdraws with the code given at registration. */
    @Transactional
    public void withdrawWithCode(long panelId, String code) {
        lockOpen(panelId);
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        withdraw(jdbc.sql("SELECT id FROM panel_volunteer WHERE panel_id = :p AND withdrawal_hash = :h"
                        + " AND withdrawn_at IS NULL")
                .param("p", panelId).param("h", Panels.sha256(c)).query(Long.class).optional());
    }

    private void lockOpen(long panelId) {
        String status = jdbc.sql("SELECT status FROM panel_panel WHERE id = :id FOR UPDATE").param("id", panelId)
                .query(String.class).optional().orElseThrow(() -> new AgoraException("panel.error.not-found"));
        if (!status.equals("REGISTRATION")) {
            throw new AgoraException("panel.withdraw.error.frozen");
        }
    }

    /**
     * Withdrawal deletes the declared values, the contact and the account link at once (so the person
     * may register again while the pool is open); the anonymous row stays.
     */
    private void withdraw(Optional<Long> volunteer) {
        long id = volunteer.orElseThrow(() -> new AgoraException("panel.withdraw.error.not-registered"));
        jdbc.sql("DELETE FROM panel_volunteer_value WHERE volunteer_id = :v").param("v", id).update();
        jdbc.sql("UPDATE panel_volunteer SET withdrawn_at = :now, contact = NULL, username = NULL WHERE id = :v")
                .param("now", Timestamp.from(clock.instant())).param("v", id).update();
    }

    private static String randomCode(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
