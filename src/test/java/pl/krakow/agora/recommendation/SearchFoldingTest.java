package pl.krakow.agora.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchFoldingTest {

    @Test
    void foldingDropsPolishDiacriticsIncludingTheBarredL() {
        assertThat(SearchFolding.fold("Tłumaczenie, ŻÓŁĆ i „źdźbło”!")).isEqualTo("tlumaczenie zolc i zdzblo");
    }

    @Test
    void cyrillicIsKeptInLowerCaseWithItsDiacriticsFoldedTheSameWayOnBothSides() {
        assertThat(SearchFolding.fold("Переклад Українською")).isEqualTo("переклад украінською");
    }

    @Test
    void theQueryRequiresEveryWordAsAPrefixOfItsStem() {
        assertThat(SearchFolding.booleanQuery("tłumaczenie")).isEqualTo("+tlumaczen*");
        assertThat(SearchFolding.booleanQuery("policja seniorzy")).isEqualTo("+policj* +senior*");
        assertThat(SearchFolding.booleanQuery("dom")).isEqualTo("+dom*");
    }

    @Test
    void wordsTheIndexCannotHoldAndOperatorsAreDropped() {
        assertThat(SearchFolding.booleanQuery("w do +\"-*()<>~ the")).isEmpty();
        assertThat(SearchFolding.booleanQuery("kraków -- (urząd)")).isEqualTo("+krako* +urzad*");
    }
}
