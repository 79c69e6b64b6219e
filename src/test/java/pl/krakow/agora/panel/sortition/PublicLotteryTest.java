package pl.krakow.agora.panel.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicLotteryTest {

  @Test
  void wordsAreSha256CounterBlocksOfTheHashedSeed() {
    // Python: key = sha256(b"agora"); block j = sha256(key + j.to_bytes(8, "big")); big-endian 64-bit words.
    var lottery = new PublicLottery("agora");
    assertThat(lottery.nextLong()).isEqualTo(9143807140001625164L);
    assertThat(lottery.nextLong()).isEqualTo(8758608821398087850L);
    assertThat(lottery.nextLong()).isEqualTo(-2125637027310298922L);
    assertThat(lottery.nextLong()).isEqualTo(-7582665378823303777L);
    assertThat(Long.toUnsignedString(lottery.nextLong())).isEqualTo("14712049200326929574");
  }

  @Test
  void sameSeedGivesSameStreamAndOtherSeedAnother() {
    var a = new PublicLottery("seed");
    var b = new PublicLottery("seed");
    var c = new PublicLottery("seed ");
    long[] wa = new long[20];
    long[] wb = new long[20];
    long[] wc = new long[20];
    for (int i = 0; i < 20; i++) {
      wa[i] = a.nextLong();
      wb[i] = b.nextLong();
      wc[i] = c.nextLong();
    }
    assertThat(wb).containsExactly(wa);
    assertThat(wc).isNotEqualTo(wa);
  }

  @Test
  void uniformIntStaysInRangeAndCoversIt() {
    var lottery = new PublicLottery("range");
    int[] hits = new int[7];
    for (int i = 0; i < 7000; i++) {
      hits[lottery.uniformInt(7)]++;
    }
    assertThat(java.util.Arrays.stream(hits).boxed().toList()).allSatisfy(h -> assertThat(h).isBetween(850, 1150));
    assertThat(lottery.uniformDouble()).isBetween(0.0, 1.0);
  }
}
