package org.xinfang.statistics;

import java.time.LocalDate;
import java.util.Collection;

/**
 * 督办 figures, supplied by the supervision module when it is present. Statistics reads them through an
 * {@code ObjectProvider} and shows "—" when no bean implements this, rather than a made-up zero.
 */
public interface SupervisionFigures {

    /**
     * How many 督办 orders (督办单) were issued from {@code from} to {@code to} (China dates, inclusive) to
     * the given units.
     *
     * @param unitIds the units whose orders count (the caller's scope or the report's unit and below)
     */
    long orders(LocalDate from, LocalDate to, Collection<Long> unitIds);

    /** How many of those orders were settled (办结) in the same period; by default not reported. */
    default Long settled(LocalDate from, LocalDate to, Collection<Long> unitIds) {
        return null;
    }
}
