package pl.krakow.agora.budget.tally;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact fraction in lowest terms with a positive denominator. Outcomes of the tally are
 * decided with these (shared/data/pb/README.md: "Use exact arithmetic ... not double"); doubles
 * are used only as a fast first guess that is re-checked exactly when it is close.
 */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    public Rational {
        Objects.requireNonNull(num, "num");
        Objects.requireNonNull(den, "den");
        if (den.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (!den.equals(BigInteger.ONE)) {
            BigInteger g = num.gcd(den);
            if (!g.equals(BigInteger.ONE)) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }
    }

    public static Rational of(long n) {
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    public static Rational of(long n, long d) {
        return new Rational(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    public static Rational of(BigDecimal d) {
        if (d.scale() <= 0) {
            return new Rational(d.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    /** Parses "a" or "a/b". */
    public static Rational parse(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return of(new BigDecimal(s.trim()));
        }
        return new Rational(new BigInteger(s.substring(0, slash).trim()), new BigInteger(s.substring(slash + 1).trim()));
    }

    public Rational add(Rational o) {
        if (den.equals(o.den)) {
            return new Rational(num.add(o.num), den);
        }
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational subtract(Rational o) {
        if (den.equals(o.den)) {
            return new Rational(num.subtract(o.num), den);
        }
        return new Rational(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational multiply(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    public Rational multiply(long k) {
        return new Rational(num.multiply(BigInteger.valueOf(k)), den);
    }

    public Rational divide(Rational o) {
        return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    public Rational divide(long k) {
        return new Rational(num, den.multiply(BigInteger.valueOf(k)));
    }

    public int signum() {
        return num.signum();
    }

    public boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    @Override
    public int compareTo(Rational o) {
        if (den.equals(o.den)) {
            return num.compareTo(o.num);
        }
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    public double toDouble() {
        if (num.bitLength() < 53 && den.bitLength() < 53) {
            return num.doubleValue() / den.doubleValue();
        }
        return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
    }

    /** The exact decimal value, or {@code null} when the fraction has no finite decimal expansion. */
    public BigDecimal toBigDecimalOrNull() {
        BigInteger d = den;
        int twos = d.getLowestSetBit();
        d = d.shiftRight(twos);
        int fives = 0;
        BigInteger five = BigInteger.valueOf(5);
        while (d.mod(five).signum() == 0) {
            d = d.divide(five);
            fives++;
        }
        if (!d.equals(BigInteger.ONE)) {
            return null;
        }
        int scale = Math.max(twos, fives);
        return new BigDecimal(num).divide(new BigDecimal(den), scale, java.math.RoundingMode.UNNECESSARY);
    }

    @Override
    public String toString() {
        return isInteger() ? num.toString() : num + "/" + den;
    }
}
