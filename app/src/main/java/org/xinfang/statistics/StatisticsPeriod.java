package org.xinfang.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * A statistics period: calendar days from {@code from} to {@code to} inclusive, reckoned in China
 * Standard Time, so a petition received at 23:30 on the 31st (Beijing time) belongs to that month even
 * though it is already the next day in UTC.
 */
public record StatisticsPeriod(LocalDate from, LocalDate to) {

    /** The longest period one request may cover: two years, the span of any comparison leaders ask for. */
    public static final int MAX_DAYS = 731;

    public StatisticsPeriod {
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(FieldProblem.of("from", "validation.required"));
        }
        if (to == null) {
            problems.add(FieldProblem.of("to", "validation.required"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(FieldProblem.of("to", "statistics.validation.toBeforeFrom"));
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                problems.add(FieldProblem.of("to", "statistics.validation.tooLong", MAX_DAYS));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A single day. */
    public static StatisticsPeriod day(LocalDate day) {
        return new StatisticsPeriod(day, day);
    }

    /** The calendar month containing {@code day}. */
    public static StatisticsPeriod monthOf(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1);
        return new StatisticsPeriod(first, first.plusMonths(1).minusDays(1));
    }

    /** The first instant of the period (00:00 Beijing time on {@code from}). */
    public Instant start() {
        return from.atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    /** The first instant after the period (00:00 Beijing time on the day after {@code to}). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The period just before this one, for trends (环比): the same number of whole calendar months when this
     * period is whole months (October → September), otherwise the same number of days.
     */
    public StatisticsPeriod previous() {
        if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new StatisticsPeriod(from.minusMonths(months), from.minusDays(1));
        }
        return new StatisticsPeriod(from.minusDays(days()), from.minusDays(1));
    }

    /** "2026年11月1日至2026年11月30日", or one date for a single day. */
    public String label() {
        return from.equals(to) ? chinese(from) : chinese(from) + "至" + chinese(to);
    }

    private static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
