package pl.krakow.agora.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

import pl.krakow.agora.identity.Role;

/**
 * Demo accounts for the dev profile only, created once (an existing account is left as it is).
 * Every account shares the password {@value #PASSWORD}; README.md lists them.
 */
@Component
@Profile("dev")
@Order(10)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "agora-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Demo(String username, String displayName, Set<Role> roles) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("mieszkanka", "Oksana Kowalenko", EnumSet.of(Role.RESIDENT)),
            new Demo("radny", "Aram Petrosjan", EnumSet.of(Role.RESIDENT, Role.FORUM_MEMBER)),
            new Demo("panelistka", "Nguyen Thi Lan", EnumSet.of(Role.RESIDENT, Role.PANELIST)),
            new Demo("tlumacz", "Taras Bondarenko", EnumSet.of(Role.RESIDENT, Role.TRANSLATOR)),
            new Demo("moderatorka", "Maria Nowak", EnumSet.of(Role.RESIDENT, Role.MODERATOR)),
            new Demo("admin", "Administrator Agory", EnumSet.of(Role.RESIDENT, Role.MODERATOR, Role.ADMIN)));

    private final UserAccounts accounts;

    DemoAccounts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        // creating accounts is an administrator's action; the seeder acts as the system administrator
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
        SecurityContextHolder.setContext(context);
        try {
            for (Demo demo : ACCOUNTS) {
                if (!accounts.exists(demo.username())) {
                    accounts.createLocalAccount(demo.username(), demo.displayName(), PASSWORD, demo.roles());
                    created++;
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (created > 0) {
            log.info("Created {} demo accounts (dev profile), password {}", created, PASSWORD);
        }
    }
}
