package org.xinfang.statistics;

/**
 * A rate as a count over a count, kept as both numbers so that every percentage can be checked and the
 * cases behind either number listed. An empty denominator has no rate ("—"), never 0 % or 100 %.
 */
public record Rate(long numerator, long denominator) {

    public static final Rate NONE = new Rate(0, 0);

    /** The rate in percent, or null when nothing was counted. */
    public Double percent() {
        return denominator == 0 ? null : 100.0 * numerator / denominator;
    }

    /** "93.5%", or "—" when nothing was counted. */
    public String display() {
        Double p = percent();
        return p == null ? "—" : String.format("%.1f%%", p);
    }

    Rate plus(Rate other) {
        return new Rate(numerator + other.numerator, denominator + other.denominator);
    }
}
