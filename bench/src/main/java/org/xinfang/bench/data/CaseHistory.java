package org.xinfang.bench.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.xinfang.deadline.DayCount;
import org.xinfang.deadline.DeadlineCalculator;
import org.xinfang.deadline.PeriodRule;
import org.xinfang.deadline.PeriodRules;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.deadline.WorkingCalendar;
import org.xinfang.shared.ChinaTime;

/**
 * One generated petition as the platform would have stored it after living through its steps: the row's
 * columns, its timeline (in the order {@code PetitionLifecycle} writes it), its statutory clocks (started,
 * stopped, cancelled and extended as {@code Clocks} does, due dates on the working calendar in force) and
 * the units that may see it. Mutable while the generator walks it through its history.
 */
final class CaseHistory {

    /** A {@code petition.timeline} row. */
    record Entry(Instant at, String event, String actor, Long unitId, String note, boolean isPublic) {
    }

    /** A {@code deadline.clock} row. */
    static final class Clock {
        final StatutoryPeriod period;
        final Long unitId;
        final Instant startedAt;
        int days;
        final DayCount dayCount;
        LocalDate dueDate;
        String state = "RUNNING";
        Instant closedAt;
        boolean missedRaised;

        Clock(StatutoryPeriod period, Long unitId, Instant startedAt, int days, DayCount dayCount, LocalDate dueDate) {
            this.period = period;
            this.unitId = unitId;
            this.startedAt = startedAt;
            this.days = days;
            this.dayCount = dayCount;
            this.dueDate = dueDate;
        }
    }

    private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator();

    // the petition row
    UUID id;
    long seq;
    String number;
    String queryCode;
    String channel;
    String type;
    String category;
    String regionCode;
    String title;
    String content;
    Set<String> terms;
    Set<String> replyTerms;
    UUID petitionerId;
    int headcount = 1;
    String channelDetails = "{}";
    String status;
    Instant receivedAt;
    Instant registeredAt;
    String registeredBy;
    long receivingUnitId;
    long currentUnitId;
    Long routedByUnitId;
    String routeMode;
    UUID repeatOf;
    int repeatCount;
    boolean skipLevel;
    boolean firstTime;
    boolean urgent;
    boolean confidential;
    boolean simplified;
    boolean publicAllowed;
    int extendedDays;
    String pendingKind;
    String pendingPayload;
    String pendingBy;
    String declineGround;
    String outcome;
    String replyText;
    Instant repliedAt;
    Long replyUnitId;
    Instant deliveredAt;
    String deliveryMethod;
    int reviewStage;
    Long reviewUnitId;
    String reviewReason;
    Instant reviewRequestedAt;
    String reviewOutcome;
    String reviewText;
    Instant reviewAnsweredAt;
    String rating;
    String ratingComment;
    Instant ratedAt;
    Instant closedAt;
    int version;
    Instant updatedAt;
    Instant indexedAt;
    /** Until when another petition of the same matter is a 重复信访 of this one (its open period). */
    Instant openUntil;
    /** Already sent to the database: a later duplicate must not note itself on it any more. */
    boolean written;

    final List<Entry> timeline = new ArrayList<>();
    final List<Clock> clocks = new ArrayList<>();
    final Set<Long> access = new LinkedHashSet<>();

    private final PeriodRules rules;
    private final WorkingCalendar calendar;

    CaseHistory(PeriodRules rules, WorkingCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    // ------------------------------------------------------------------ the row

    void record(Instant at, String event, String actor, Long unitId, String note, boolean isPublic) {
        timeline.add(new Entry(at, event, actor, unitId, note, isPublic));
    }

    /** A saved step: the version moves on and the row says when it changed. */
    void saved(Instant at) {
        version++;
        if (updatedAt == null || at.isAfter(updatedAt)) {
            updatedAt = at; // a repeat noted on an older petition must not move its last change back
        }
    }

    /** The earliest due date of the running clocks a unit owes (what {@code refreshNextDue} keeps). */
    LocalDate nextDueDate() {
        LocalDate min = null;
        for (Clock c : clocks) {
            if (c.state.equals("RUNNING") && c.unitId != null && (min == null || c.dueDate.isBefore(min))) {
                min = c.dueDate;
            }
        }
        return min;
    }

    // ------------------------------------------------------------------ clocks, as Clocks does it

    void start(StatutoryPeriod period, Instant trigger, Long unitId) {
        PeriodRule rule = rules.rule(period);
        LocalDate due = CALCULATOR.dueDate(LocalDate.ofInstant(trigger, ChinaTime.ZONE), rule, calendar);
        begin(period, trigger, rule.days(), rule.dayCount(), due, unitId);
    }

    void startWithDueDate(StatutoryPeriod period, Instant trigger, LocalDate due, Long unitId) {
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(trigger, ChinaTime.ZONE), due);
        begin(period, trigger, days, DayCount.CALENDAR, due, unitId);
    }

    private void begin(StatutoryPeriod period, Instant trigger, int days, DayCount count, LocalDate due, Long unitId) {
        running(period).ifPresent(c -> close(c, "CANCELLED", trigger));
        clocks.add(new Clock(period, unitId, trigger, days, count, due));
    }

    void stop(StatutoryPeriod period, Instant at) {
        running(period).ifPresent(c -> close(c, CALCULATOR.onTime(at, c.dueDate) ? "MET" : "MISSED", at));
    }

    void cancel(StatutoryPeriod period, Instant at) {
        running(period).ifPresent(c -> close(c, "CANCELLED", at));
    }

    void extend(StatutoryPeriod period, int extraDays) {
        running(period).ifPresent(c -> {
            c.dueDate = CALCULATOR.dueDate(c.dueDate, extraDays, c.dayCount, calendar);
            c.days += extraDays;
        });
    }

    boolean isRunning(StatutoryPeriod period) {
        return running(period).isPresent();
    }

    LocalDate dueDate(StatutoryPeriod period) {
        return running(period).map(c -> c.dueDate).orElse(null);
    }

    /** Whether the clock's duty done at {@code at} is on time. */
    static boolean onTime(Instant at, LocalDate due) {
        return CALCULATOR.onTime(at, due);
    }

    /** The last second of a due date: when a deadline scan may first see it missed. */
    static Instant dueAt(LocalDate due) {
        return CALCULATOR.dueAt(due);
    }

    private java.util.Optional<Clock> running(StatutoryPeriod period) {
        for (Clock c : clocks) {
            if (c.period == period && c.state.equals("RUNNING")) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    private void close(Clock c, String state, Instant at) {
        // a clock closed after its due date had its miss reported (by the scan, or by the late stop itself)
        c.missedRaised = !CALCULATOR.onTime(at, c.dueDate);
        c.state = state;
        c.closedAt = at;
    }
}
