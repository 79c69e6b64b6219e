package pl.krakow.agora.forum;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import pl.krakow.agora.forum.rules.Majority;
import pl.krakow.agora.forum.rules.QuorumRule;
import pl.krakow.agora.identity.Role;
import pl.krakow.agora.identity.UserDirectory;
import pl.krakow.agora.identity.UserRef;
import pl.krakow.agora.platform.i18n.UiLanguage;

/**
 * Demo forum for the dev profile, created once: the Forum of Minorities with admin as chair,
 * moderatorka as secretary, radny, mieszkanka and tlumacz as members, and an upcoming session with a
 * published agenda, so that {@code ./mvnw spring-boot:run} shows a session ready to open.
 */
@Component
@Profile("dev")
@Order(50)
class ForumDemoData implements ApplicationRunner {

    private static final java.time.ZoneId WARSAW = java.time.ZoneId.of("Europe/Warsaw");
    static final String BODY = "Forum Mniejszości Narodowych, Etnicznych i Migrantów";
    private static final Logger log = LoggerFactory.getLogger(ForumDemoData.class);

    private final ForumService forum;
    private final UserDirectory users;

    ForumDemoData(ForumService forum, UserDirectory users) {
        this.forum = forum;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
        SecurityContextHolder.setContext(context);
        try {
            if (forum.bodies().stream().anyMatch(b -> b.name().equals(BODY))) {
                return;
            }
            long body = forum.createBody(BODY, new Statute(QuorumRule.MORE_THAN_HALF, Majority.SIMPLE, true, true, 180));
            LocalDate start = LocalDate.of(2026, 1, 1);
            member(body, "admin", MemberRole.CHAIR, start);
            member(body, "moderatorka", MemberRole.SECRETARY, start);
            member(body, "radny", MemberRole.MEMBER, start);
            member(body, "mieszkanka", MemberRole.MEMBER, start);
            member(body, "tlumacz", MemberRole.MEMBER, start);
            long session = forum.scheduleSession(body, 1, LocalDate.now(WARSAW).plusDays(2).atTime(17, 0).atZone(WARSAW).toInstant(),
                    "Sala Obrad, Urząd Miasta Krakowa, pl. Wszystkich Świętych 3-4", true);
            forum.addAgendaItem(session, new NewAgendaItem("Otwarcie sesji i przyjęcie porządku obrad", "",
                    "Przewodniczący Forum", ""), UiLanguage.PL);
            forum.addAgendaItem(session, new NewAgendaItem("Tłumaczenie informacji miejskich (rekomendacja 8.6)",
                    "Jak udostępnić najważniejsze informacje miejskie po ukraińsku, rosyjsku i angielsku.",
                    "Aram Petrosjan",
                    "Forum rekomenduje Prezydentowi Miasta Krakowa tłumaczenie komunikatów miejskich na język ukraiński, rosyjski i angielski."),
                    UiLanguage.PL);
            forum.addAgendaItem(session, new NewAgendaItem("Wolne wnioski", "", "", ""), UiLanguage.PL);
            forum.publishAgenda(session);
            log.info("Created the demo forum body with session 1 (dev profile)");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void member(long body, String username, MemberRole role, LocalDate start) {
        UserRef user = users.byUsername(username).orElse(null);
        if (user != null) {
            forum.addMember(body, user, role, start, null);
        }
    }
}
