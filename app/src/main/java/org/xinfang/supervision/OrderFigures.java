package org.xinfang.supervision;

import java.time.LocalDate;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinfang.shared.ChinaTime;
import org.xinfang.statistics.SupervisionFigures;

/**
 * The 督办 counts of the statistics module: orders issued to the given units in a period, and those closed in
 * it, by China dates. An escalated order and the order that replaced it are both counted, as each was issued.
 */
@Component
class OrderFigures implements SupervisionFigures {

    private final JdbcClient jdbc;

    OrderFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long orders(LocalDate from, LocalDate to, Collection<Long> unitIds) {
        return count("issued_at", from, to, unitIds);
    }

    @Override
    public Long settled(LocalDate from, LocalDate to, Collection<Long> unitIds) {
        return count("closed_at", from, to, unitIds);
    }

    private long count(String column, LocalDate from, LocalDate to, Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return 0;
        }
        // column is one of two constants above, never input
        return jdbc.sql("SELECT count(*) FROM supervision.supervision_order WHERE unit_id = ANY(?) AND " + column
                        + " >= ? AND " + column + " < ?")
                .params(unitIds.toArray(Long[]::new), from.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime(),
                        to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime())
                .query(Long.class).single();
    }
}
