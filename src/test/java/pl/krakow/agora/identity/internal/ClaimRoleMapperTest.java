package pl.krakow.agora.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pl.krakow.agora.identity.Role;

class ClaimRoleMapperTest {

    private final ClaimRoleMapper defaults = new ClaimRoleMapper(new SecurityProperties.Oidc(null, null, null));

    @Test
    void flatRolesClaimMapsByName() {
        assertThat(defaults.map(Map.of("roles", List.of("moderator", "ROLE_TRANSLATOR"))))
                .containsExactlyInAnyOrder(Role.RESIDENT, Role.MODERATOR, Role.TRANSLATOR);
    }

    @Test
    void keycloakRealmRolesAreRead() {
        assertThat(defaults.map(Map.of("realm_access", Map.of("roles", List.of("admin", "offline_access")))))
                .containsExactlyInAnyOrder(Role.RESIDENT, Role.ADMIN);
    }

    @Test
    void configuredMappingTranslatesProviderRoleNames() {
        ClaimRoleMapper mapper = new ClaimRoleMapper(new SecurityProperties.Oidc(List.of("groups"),
                Map.of("krakow-forum", "FORUM_MEMBER", "UMK-Rada", "forum_member"), List.of()));
        assertThat(mapper.map(Map.of("groups", List.of("krakow-forum", "umk-rada", "unknown"))))
                .containsExactly(Role.FORUM_MEMBER);
    }

    @Test
    void unknownRolesAreIgnoredAndDefaultsApply() {
        assertThat(defaults.map(Map.of("roles", List.of("superuser")))).containsExactly(Role.RESIDENT);
        assertThat(defaults.map(Map.of())).containsExactly(Role.RESIDENT);
    }

    @Test
    void spaceSeparatedStringClaimIsSplit() {
        assertThat(defaults.map(Map.of("roles", "panelist translator")))
                .containsExactlyInAnyOrder(Role.RESIDENT, Role.PANELIST, Role.TRANSLATOR);
    }
}
