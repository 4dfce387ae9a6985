package org.xinfang.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * The period and unit of a statistics request as typed in a URL: dates as ISO text, checked field by field
 * (a bad date is a 400 with the field named, never a 500). Without dates: this month up to today.
 */
record StatisticsRequest(StatisticsPeriod period, Long unitId) {

    static StatisticsRequest parse(String from, String to, String unit, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        LocalDate f = date("from", from, today.withDayOfMonth(1), problems);
        LocalDate t = date("to", to, today, problems);
        Long u = null;
        if (unit != null && !unit.isBlank()) {
            try {
                u = Long.valueOf(unit.strip());
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("unit", "validation.unit.unknown"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new StatisticsRequest(new StatisticsPeriod(f, t), u);
    }

    static LocalDate date(String field, String text, LocalDate fallback, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "statistics.validation.date"));
            return fallback;
        }
    }
}
