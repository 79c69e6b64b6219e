package pl.krakow.agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLikeTest {

    @Test
    void wildcardsAndTheEscapeCharacterMatchOnlyThemselves() {
        assertThat(SqlLike.literal("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
        assertThat(SqlLike.containing("x_y")).isEqualTo("%x\\_y%");
        assertThat(SqlLike.literal("zwykły tekst")).isEqualTo("zwykły tekst");
    }
}
