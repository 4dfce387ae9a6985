package org.xinfang.statistics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.xinfang.organization.StaffUser;
import org.xinfang.shared.ChinaTime;

/**
 * Times each indicator query of a period on its own (best of five), to see which one a slow figure
 * comes from. In the statistics package to reach the package-private queries; bench only.
 */
public final class StatisticsTimings {

    private StatisticsTimings() {
    }

    public static void print(ApplicationContext app, StatisticsPeriod period, StaffUser user) {
        print(app, period, null, user);
    }

    /** The same for one unit (and the units below it) within the caller's scope, or null for the whole scope. */
    public static void print(ApplicationContext app, StatisticsPeriod period, Long unitId, StaffUser user) {
        Indicators indicators = app.getBean(Indicators.class);
        IndicatorQueries q = app.getBean(IndicatorQueries.class);
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        Indicators.Scope s = indicators.scope(unitId, user);
        Reach reach = s.reach();
        Map<String, Supplier<?>> parts = new LinkedHashMap<>();
        parts.put("scope", () -> indicators.scope(unitId, user));
        parts.put("categories", indicators::topCategories);
        parts.put("volumes", () -> q.volumes(period, reach));
        parts.put("duties", () -> q.duties(period, today, reach));
        parts.put("replies", () -> q.replies(period, reach));
        parts.put("volumeTotals", () -> q.volumeTotals(period, reach));
        parts.put("dutyTotals", () -> q.dutyTotals(period, today, reach));
        parts.put("replyTotals", () -> q.replyTotals(period, reach));
        parts.put("backlog", () -> q.backlog(period, reach));
        parts.put("reviews", () -> q.reviews(period, reach));
        parts.put("health", () -> q.health(today, Indicators.APPROACHING_DAYS, reach));
        parts.put("overdue(30)", () -> q.overdue(today, ReportComposer.OVERDUE_LISTED, reach));
        parts.put("Indicators.of", () -> indicators.of(period, unitId, user));
        parts.put("comparison", () -> indicators.comparison(period, unitId, user));
        // the backlog read in two halves from its partial indexes must be the definition's single condition
        List<Object> params = new java.util.ArrayList<>();
        params.add(IndicatorQueries.ts(period.end()));
        params.add(IndicatorQueries.ts(period.start()));
        params.add(IndicatorQueries.ts(period.start().minus(java.time.Duration.ofDays(IndicatorQueries.BACKLOG_DAYS))));
        reach.bindUnit(params);
        reach.bindPetitions(params);
        Rate direct = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT count(*) FILTER (WHERE " + IndicatorQueries.RESOLVED_AT + " < ?), count(*) FROM petition.petition p WHERE "
                        + IndicatorQueries.BACKLOG_AT + " AND " + reach.unit("p.current_unit_id") + " AND " + reach.petitions())
                .params(params).query((rs, n) -> new Rate(rs.getLong(1), rs.getLong(2))).single();
        Rate split = q.backlog(period, reach);
        System.out.printf("  backlog check: %d/%d as read, %d/%d by the definition's single condition: %s%n",
                split.numerator(), split.denominator(), direct.numerator(), direct.denominator(),
                split.equals(direct) ? "equal" : "DIFFERENT");
        if (!split.equals(direct)) {
            throw new IllegalStateException("the backlog differs from its definition");
        }
        for (Map.Entry<String, Supplier<?>> p : parts.entrySet()) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                p.getValue().get();
                best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
            }
            System.out.printf("  %-16s best of 5: %5d ms%n", p.getKey(), best);
        }
    }
}
