package org.xinfang.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The indicators of one period within one scope, as computed from the lifecycle's tables. Definitions:
 * {@code docs/statistics.md} and {@link Indicator}.
 *
 * @param scopeUnitId   the unit the figures cover (with the units below it), or null for the caller's whole scope
 * @param scopeName     what the figures cover, for headings ("示范市信访局" or a unit name)
 * @param received      信访总量: petitions received in the period (件)
 * @param persons       人次: the people behind them (a group visit counts its headcount)
 * @param supervision   督办 orders issued in the period, or null when no supervision module reports them
 * @param computedAt    when the figures were read
 */
public record Figures(StatisticsPeriod period, Long scopeUnitId, String scopeName, long received, long persons,
        List<Slice> byChannel, List<Slice> byType, List<Slice> byCategory, List<Slice> byTerritory,
        List<Slice> byUnit, List<Day> daily,
        Rate timelyRouting, Rate onTimeAcceptance, Rate onTimeCompletion, Rate satisfaction, Rate participation,
        Rate repeat, Rate skipLevel, Rate firstResolution, Rate backlogResolution,
        Reviews reviews, Long supervision, List<UnitFigures> ranking, Health health, LocalDate today,
        Instant computedAt) {

    /**
     * One part of a breakdown.
     *
     * @param key   what the drill-down filters on (a channel name, a category name, a region code, a unit id)
     * @param label what staff read
     */
    public record Slice(String key, String label, long count) {
    }

    /** One day of the trend: received, replies issued. */
    public record Day(LocalDate date, long received, long replied) {
    }

    /**
     * 复查 and 复核 in the period: requests and answers by outcome.
     */
    public record Reviews(long reviewRequests, long reviewAnswers, long reviewUpheld, long reviewChanged,
            long reviewRedo, long recheckRequests, long recheckAnswers, long recheckUpheld, long recheckChanged,
            long recheckRedo) {

        /** 复查维持率 */
        public Rate reviewUpheldRate() {
            return new Rate(reviewUpheld, reviewAnswers);
        }

        /** 复查变更率 (变更 and 责令重新办理 both change the first opinion) */
        public Rate reviewChangedRate() {
            return new Rate(reviewChanged + reviewRedo, reviewAnswers);
        }

        /** 复核维持率 */
        public Rate recheckUpheldRate() {
            return new Rate(recheckUpheld, recheckAnswers);
        }

        /** 复核变更率 */
        public Rate recheckChangedRate() {
            return new Rate(recheckChanged + recheckRedo, recheckAnswers);
        }
    }

    /**
     * One unit's figures for the ranking (排名).
     *
     * @param received   petitions received in the period that the unit holds now
     * @param overdueNow its duties running past their due date today
     * @param score      the weighted score the ranking sorts by, or null when nothing of the unit was decided
     * @param rank       1 for the best; units without a score come last without a rank (0)
     */
    public record UnitFigures(long unitId, String unitName, long received, Rate onTimeAcceptance,
            Rate onTimeCompletion, Rate satisfaction, long overdueNow, Double score, int rank) {
    }

    /**
     * 期限健康度 today: the statutory duties still running, by how close they are to their due date.
     *
     * @param approaching due within the next {@value Indicators#APPROACHING_DAYS} days (today included)
     */
    public record Health(long running, long onTrack, long approaching, long overdue, List<PeriodHealth> byPeriod) {
    }

    /** The running duties of one statutory period (转送交办, 书面告知, 办理 …). */
    public record PeriodHealth(String period, String label, long running, long approaching, long overdue) {
    }
}
