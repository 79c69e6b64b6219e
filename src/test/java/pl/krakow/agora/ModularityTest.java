package pl.krakow.agora;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module structure of style.md holds: no cycles, no access to another module's internals. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(AgoraApplication.class).verify();
    }
}
