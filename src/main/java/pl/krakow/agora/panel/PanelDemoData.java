package pl.krakow.agora.panel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import pl.krakow.agora.identity.AgoraPrincipal;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.panel.sortition.LegacySelection;
import pl.krakow.agora.panel.sortition.PanelDistribution;
import pl.krakow.agora.panel.sortition.PanelSelection;
import pl.krakow.agora.panel.sortition.PublicLottery;
import pl.krakow.agora.platform.i18n.Formats;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Demo panels for the dev profile, created once (found by topic): one open for registration with
 * 60 volunteers in the pool, and one drawn and published, in which the demo account panelistka is a
 * member and a draft recommendation is open for the final vote. Everything goes through the
 * services, as an organiser would do it.
 *
 * <p>Demo only: so that panelistka is sure to be drawn, the seeder tries secrets
 * {@code agora-demo-panel-1, -2, …} on the computed lottery before committing to the first one that
 * draws her. A real organiser commits before anyone can compute the draw.
 */
@Component
@Profile("dev")
@Order(40)
class PanelDemoData implements ApplicationRunner {

    static final String OPEN_TOPIC = "Dostępność informacji miejskich w językach mniejszości";
    static final String DRAWN_TOPIC = "Tłumacze w urzędach dzielnic";
    private static final Logger log = LoggerFactory.getLogger(PanelDemoData.class);

    record Principal(long userId, String displayName) implements AgoraPrincipal {
    }

    private final JdbcClient jdbc;
    private final Panels panels;
    private final PanelRegistration registration;
    private final PanelDraws draws;
    private final PanelWorkspace workspace;
    private final PanelVotes votes;
    private final PoolLoader pools;

    PanelDemoData(JdbcClient jdbc, Panels panels, PanelRegistration registration, PanelDraws draws,
            PanelWorkspace workspace, PanelVotes votes, PoolLoader pools) {
        this.jdbc = jdbc;
        this.panels = panels;
        this.registration = registration;
        this.draws = draws;
        this.workspace = workspace;
        this.votes = votes;
        this.pools = pools;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try {
            if (!exists(OPEN_TOPIC)) {
                openPanel();
            }
            if (!exists(DRAWN_TOPIC)) {
                drawnPanel();
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private boolean exists(String topic) {
        return jdbc.sql("SELECT COUNT(*) FROM panel_panel WHERE topic = :t").param("t", topic).query(Integer.class)
                .single() > 0;
    }

    /** Acts as a demo account (dev only: the id is read from the identity table by username). */
    private void as(String username, Role... roles) {
        Principal principal = jdbc.sql("SELECT id, display_name FROM identity_user WHERE username = :u")
                .param("u", username).query((rs, i) -> new Principal(rs.getLong(1), rs.getString(2))).single();
        var token = new UsernamePasswordAuthenticationToken(principal, null,
                AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles).map(Role::authority).toList())) {
            @Override
            public String getName() {
                return username;
            }
        };
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
    }

    private void anonymous() {
        SecurityContextHolder.clearContext();
    }

    private static final String CATEGORIES = """
            Płeć: kobieta 8-12; mężczyzna 8-12
            Wiek: 18–34 5-9; 35–64 7-11; 65+ 3-6
            Dzielnica: Nowa Huta 4-8; Śródmieście 4-8; Podgórze 4-8
            Społeczność: ukraińska 4-10; romska 2-6; wietnamska 2-6; inna 3-10
            """;

    private void openPanel() {
        as("moderatorka", Role.RESIDENT, Role.MODERATOR);
        LocalDate today = LocalDate.now(Formats.ZONE);
        long id = panels.create(new PanelDefinition(OPEN_TOPIC,
                "Jak miasto ma informować mieszkańców, którzy słabo znają polski? Panel przygotuje rekomendacje"
                        + " dla programu Otwarty Kraków (rozdz. 8.6 raportu).", 20, 5, today.minusDays(3),
                today.plusDays(30), 80, 50, QuotaText.categories(CATEGORIES),
                List.of(new PanelDefinition.MeetingSpec(LocalDateTime.of(today.plusDays(40), java.time.LocalTime.of(17, 0)),
                        "Urząd Miasta Krakowa, pl. Wszystkich Świętych 3-4, sala Portretowa"),
                        new PanelDefinition.MeetingSpec(LocalDateTime.of(today.plusDays(47), java.time.LocalTime.of(17, 0)),
                                "Centrum Obywatelskie, ul. Reymonta 20"))), UiLanguage.PL);
        anonymous();
        register(id, 60, new SplittableRandom(60));
        log.info("Demo panel {} open for registration with 60 volunteers", id);
    }

    private void register(long id, int count, SplittableRandom random) {
        PanelOverview p = panels.find(id).orElseThrow();
        for (int i = 0; i < count; i++) {
            Map<Long, Long> values = new HashMap<>();
            for (PanelOverview.CategoryComposition c : p.categories()) {
                values.put(c.id(), c.values().get(random.nextInt(c.values().size())).id());
            }
            registration.register(id, new VolunteerForm("demo-" + id + "-" + i + "@example.org", values, true),
                    i % 3 == 0 ? UiLanguage.UK : UiLanguage.PL);
        }
    }

    private void drawnPanel() throws InterruptedException {
        as("moderatorka", Role.RESIDENT, Role.MODERATOR);
        LocalDate today = LocalDate.now(Formats.ZONE);
        long id = panels.create(new PanelDefinition(DRAWN_TOPIC,
                "Czy każdy urząd dzielnicy powinien zapewniać tłumacza? Panel wylosowany, obrady trwają.", 8, 2,
                today.minusDays(20), today.plusDays(10), 80, 50, QuotaText.categories("""
                        Płeć: kobieta 3-5; mężczyzna 3-5
                        Wiek: 18–34 2-4; 35–64 2-4; 65+ 1-3
                        """), List.of(new PanelDefinition.MeetingSpec(
                        LocalDateTime.of(today.plusDays(3), java.time.LocalTime.of(18, 0)), "Centrum Obywatelskie, ul. Reymonta 20"))),
                UiLanguage.PL);
        anonymous();
        register(id, 23, new SplittableRandom(23));
        as("panelistka", Role.RESIDENT, Role.PANELIST);
        PanelOverview p = panels.find(id).orElseThrow();
        registration.register(id, new VolunteerForm(null, Map.of(p.categories().get(0).id(),
                p.categories().get(0).values().get(0).id(), p.categories().get(1).id(),
                p.categories().get(1).values().get(1).id()), true), UiLanguage.PL);
        String anon = registration.myRegistration(id).orElseThrow();

        PoolLoader.Pool pool = pools.load(id);
        int row = pool.anonIds().indexOf(anon);
        PanelDistribution lottery = PanelSelection.distribution(pool.instance(8), PanelSelection.Algorithm.LEXIMIN, "",
                LegacySelection.DEFAULT_DRAWS, draws.timeLimit());
        String secret = null;
        for (int s = 1; secret == null && s < 1000; s++) {
            String candidate = "agora-demo-panel-" + s;
            if (java.util.Arrays.stream(lottery.draw(new PublicLottery(candidate))).anyMatch(r -> r == row)) {
                secret = candidate;
            }
        }
        as("moderatorka", Role.RESIDENT, Role.MODERATOR);
        panels.commitSeed(id, secret, null);
        panels.closeRegistration(id);
        draws.startDraw(id, secret, null);
        for (int i = 0; i < 2400 && panels.find(id).orElseThrow().drawStatus() == DrawStatus.RUNNING; i++) {
            Thread.sleep(50);
        }
        draws.publish(id);
        long expert = workspace.experts().stream().filter(e -> e.username().equals("tlumacz")).map(Expert::id)
                .findFirst().orElseGet(() -> workspace.addExpert("Taras Bondarenko", "tłumaczenia ukraińsko-polskie",
                        "tlumacz"));
        workspace.inviteExpert(id, expert);
        workspace.addMaterial(id, "Jak dziś działa tłumaczenie w urzędach",
                "W urzędach dzielnic nie ma stałych tłumaczy. Mieszkańcy korzystają z pomocy organizacji pozarządowych"
                        + " i infolinii dla cudzoziemców (rozdz. 7.1.6 i 8.6 raportu).", UiLanguage.PL);
        as("panelistka", Role.RESIDENT, Role.PANELIST);
        long draft = workspace.proposeDraft(id, "Tłumacz ukraiński w każdym urzędzie dzielnicy",
                "Każdy urząd dzielnicy zapewnia raz w tygodniu dyżur tłumacza języka ukraińskiego, ogłaszany na"
                        + " stronie miasta w czterech językach.", UiLanguage.PL);
        as("moderatorka", Role.RESIDENT, Role.MODERATOR);
        votes.openVote(draft);
        log.info("Demo panel {} drawn with secret {} and published; panelistka ({}) is a member", id, secret, anon);
    }
}
