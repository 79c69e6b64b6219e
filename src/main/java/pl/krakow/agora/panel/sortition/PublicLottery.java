package pl.krakow.agora.panel.sortition;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;

/**
 * The deterministic random source of a public draw, derived from a seed string that is published before (or with)
 * the draw, so that anyone can repeat it.
 *
 * <p>Procedure (SHA-256 in counter mode; all integers big-endian):
 *
 * <ol>
 *   <li>{@code key = SHA-256(UTF-8 bytes of the seed string)}.
 *   <li>Block j (j = 0, 1, 2, …) is {@code SHA-256(key || j as 8-byte unsigned integer)}: 32 bytes, read as four
 *       unsigned 64-bit words. The stream of words is block 0 word 0..3, block 1 word 0..3, …
 *   <li>{@link #nextLong()} returns the next word.
 *   <li>{@link #uniformInt(int) uniformInt(m)} (an integer in [0, m)): take words w until {@code w < 2^64 − (2^64 mod
 *       m)} and return {@code w mod m} (rejection sampling: no modulo bias).
 *   <li>{@link #uniformDouble()} (a real in [0, 1)): {@code (w >> 11) / 2^53} for the next word w.
 * </ol>
 *
 * Python equivalent of step 2–3: {@code hashlib.sha256(key + j.to_bytes(8, "big")).digest()}, then {@code
 * int.from_bytes(block[8*i:8*i+8], "big")} for i = 0..3. How the engine uses these numbers to pick a panel is
 * described on {@link CompositionDistribution#draw} and {@link LegacySelection}.
 */
public final class PublicLottery implements RandomGenerator {

  private final byte[] key;
  private final MessageDigest sha256;
  private long block;
  private final long[] words = new long[4];
  private int next = 4;

  public PublicLottery(String seed) {
    this.sha256 = newSha256();
    this.key = sha256.digest(seed.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  @Override
  public long nextLong() {
    if (next == 4) {
      sha256.reset();
      sha256.update(key);
      sha256.update(ByteBuffer.allocate(8).putLong(block++).array());
      ByteBuffer out = ByteBuffer.wrap(sha256.digest());
      for (int i = 0; i < 4; i++) {
        words[i] = out.getLong();
      }
      next = 0;
    }
    return words[next++];
  }

  /** Uniform integer in [0, bound), by the rejection rule documented on the class. */
  public int uniformInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    // 2^64 mod bound, computed in unsigned arithmetic as (2^64 - bound) mod bound.
    long rem = Long.remainderUnsigned(-(long) bound, bound);
    long limit = -rem; // 2^64 - rem as unsigned; when rem == 0 every word is accepted
    while (true) {
      long w = nextLong();
      if (rem == 0 || Long.compareUnsigned(w, limit) < 0) {
        return (int) Long.remainderUnsigned(w, bound);
      }
    }
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  public double uniformDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  @Override
  public int nextInt(int bound) {
    return uniformInt(bound);
  }

  @Override
  public double nextDouble() {
    return uniformDouble();
  }
}
