package org.xinfang.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.deadline.ClockView.State;
import org.xinfang.deadline.ClockStore.ClockRow;

/**
 * The statutory clocks (期限计时) of any subject: a petition, an assignment, a review request. Callers
 * start a clock when the law's trigger happens and stop it when the duty is done; the scheduled
 * {@link #scan()} raises {@link DeadlineApproaching} (临期预警) and {@link DeadlineMissed} (超期) once
 * each, as events that Spring Modulith stores for the listeners of other modules.
 * <p>
 * Clocks know their subject only by id, so every module can use them without this one knowing it.
 * Every method joins the caller's transaction, so a clock changes together with the state of the
 * matter that moved it, and its events are published only if that transaction commits.
 */
@Service
@Transactional
public class Clocks {

    private final ClockStore store;
    private final Calendars calendars;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int warnDaysBefore;
    private final DeadlineCalculator calculator = new DeadlineCalculator();

    Clocks(ClockStore store, Calendars calendars, Clock clock, ApplicationEventPublisher events,
            @Value("${xinfang.deadline.warn-days-before:3}") int warnDaysBefore) {
        if (warnDaysBefore < 0) {
            throw new IllegalArgumentException(
                    "xinfang.deadline.warn-days-before must not be negative, was " + warnDaysBefore);
        }
        this.store = store;
        this.calendars = calendars;
        this.clock = clock;
        this.events = events;
        this.warnDaysBefore = warnDaysBefore;
    }

    /**
     * Starts the clock of a statutory period, its length and day count as the period rules in force say
     * and its due date on the working calendar in force. A period already running for the subject is
     * started again: the running clock is cancelled and a new one starts from {@code trigger}.
     *
     * @param subjectId  what the clock runs against
     * @param subjectRef what staff call it, e.g. the 信访件编号, for messages about the deadline
     * @param period     the statutory period
     * @param trigger    the event that starts the period; counting starts the next day in China time
     * @param unitId     the unit responsible for meeting the deadline, or {@code null}
     */
    public ClockView start(UUID subjectId, String subjectRef, StatutoryPeriod period, Instant trigger,
            Long unitId) {
        requireNonNull(period, "period");
        requireNonNull(trigger, "trigger");
        PeriodRule rule = calendars.rules().rule(period);
        LocalDate due = calculator.dueDate(chinaDate(trigger), rule, calendars.current());
        return begin(subjectId, subjectRef, period, trigger, rule.days(), rule.dayCount(), due, unitId);
    }

    /**
     * Starts a clock whose due date a person set, such as the feedback deadline of a 交办 fixed by the
     * assigning clerk. The date is kept as given, even on a holiday: the clerk chose it. Restarts a
     * running clock of the period like {@link #start}.
     *
     * @param dueDate the last day on which the duty is on time; not before the trigger's date
     */
    public ClockView startWithDueDate(UUID subjectId, String subjectRef, StatutoryPeriod period, Instant trigger,
            LocalDate dueDate, Long unitId) {
        requireNonNull(period, "period");
        requireNonNull(trigger, "trigger");
        requireNonNull(dueDate, "due date");
        LocalDate triggerDate = chinaDate(trigger);
        if (dueDate.isBefore(triggerDate)) {
            throw new IllegalArgumentException(
                    "due date " + dueDate + " of " + period + " is before its trigger date " + triggerDate);
        }
        int days = Math.toIntExact(ChronoUnit.DAYS.between(triggerDate, dueDate));
        return begin(subjectId, subjectRef, period, trigger, days, DayCount.CALENDAR, dueDate, unitId);
    }

    /**
     * Stops the running clock of a period because its duty was done at {@code at}: met if that is on
     * or before the due date in China time, missed otherwise. A late stop publishes
     * {@link DeadlineMissed} if no scan has yet, so a late action never hides a miss.
     *
     * @return the closed clock, or empty if none of the period was running
     */
    public Optional<ClockView> stop(UUID subjectId, StatutoryPeriod period, Instant at) {
        requireNonNull(subjectId, "subject id");
        requireNonNull(period, "period");
        requireNonNull(at, "instant");
        return store.lockRunning(subjectId, period).map(running -> {
            State outcome = calculator.onTime(at, running.dueDate()) ? State.MET : State.MISSED;
            return view(close(running, outcome, at));
        });
    }

    /**
     * Cancels the running clock of a period, e.g. because the matter left the stage the period belongs
     * to. Does nothing if none is running. A clock cancelled after its due date publishes
     * {@link DeadlineMissed} if no scan has yet: whether a miss is reported must not depend on whether
     * the scan ran in the minutes before.
     */
    public void cancel(UUID subjectId, StatutoryPeriod period, Instant at) {
        requireNonNull(subjectId, "subject id");
        requireNonNull(period, "period");
        requireNonNull(at, "instant");
        store.lockRunning(subjectId, period).ifPresent(running -> close(running, State.CANCELLED, at));
    }

    /**
     * Extends the running clock of a period by {@code extraDays}, counted like the clock's own days
     * from its current due date (so 30 calendar days after the last day of a 60-day 办理 period). The
     * approaching warning is raised again for the new due date. Whether the extension is allowed (at
     * most 30 days, approved by the head of the organ) is the caller's rule.
     *
     * @throws IllegalStateException if no clock of the period is running, or it is already overdue:
     *                               an extension must be granted before the period ends, and a miss
     *                               already reported cannot be taken back
     */
    public ClockView extend(UUID subjectId, StatutoryPeriod period, int extraDays) {
        requireNonNull(subjectId, "subject id");
        requireNonNull(period, "period");
        if (extraDays <= 0) {
            throw new IllegalArgumentException("extraDays must be positive, was " + extraDays);
        }
        ClockRow running = store.lockRunning(subjectId, period).orElseThrow(() -> new IllegalStateException(
                "no running " + period + " clock for subject " + subjectId + " to extend"));
        if (today().isAfter(running.dueDate())) {
            throw new IllegalStateException("the " + period + " clock of subject " + subjectId
                    + " is overdue since " + running.dueDate() + " and can no longer be extended");
        }
        LocalDate due = calculator.dueDate(running.dueDate(), extraDays, running.dayCount(), calendars.current());
        return view(store.moveDueDate(running.id(), running.days() + extraDays, due));
    }

    /** Every clock of the subject, running and closed, oldest first. */
    @Transactional(readOnly = true)
    public List<ClockView> of(UUID subjectId) {
        requireNonNull(subjectId, "subject id");
        LocalDate today = today();
        return store.of(subjectId).stream().map(row -> view(row, today)).toList();
    }

    /**
     * Looks at every running clock on today's date (China time, from the injected clock): publishes
     * {@link DeadlineMissed} for each overdue one and {@link DeadlineApproaching} for each due within
     * {@code xinfang.deadline.warn-days-before} days: a miss once per clock, a warning once per due
     * date (an extension arms it again). The clocks keep
     * running, since the duty is still owed; {@link ClockView#state()} reads an overdue one as
     * {@link State#MISSED}. Safe to run on several nodes at once: a clock is flagged and its event
     * published by one scan only.
     */
    public ScanResult scan() {
        LocalDate today = today();
        Comparator<ClockRow> byDueDate = Comparator.comparing(ClockRow::dueDate).thenComparing(ClockRow::id);
        List<ClockRow> missed = store.flagMissed(today).stream().sorted(byDueDate).toList();
        missed.forEach(row -> events.publishEvent(missed(row)));
        List<ClockRow> approaching = store.flagApproaching(today, today.plusDays(warnDaysBefore)).stream()
                .sorted(byDueDate).toList();
        approaching.forEach(row -> events.publishEvent(new DeadlineApproaching(row.subjectId(), row.subjectRef(),
                row.period(), row.unitId(), row.dueDate(), calculator.daysLeft(today, row.dueDate()))));
        return new ScanResult(approaching.size(), missed.size());
    }

    /**
     * What one {@link #scan()} raised.
     *
     * @param approaching how many {@link DeadlineApproaching} it published
     * @param missed      how many {@link DeadlineMissed} it published
     */
    public record ScanResult(int approaching, int missed) {
    }

    private ClockView begin(UUID subjectId, String subjectRef, StatutoryPeriod period, Instant trigger, int days,
            DayCount dayCount, LocalDate due, Long unitId) {
        requireNonNull(subjectId, "subject id");
        if (subjectRef == null || subjectRef.isBlank()) {
            throw new IllegalArgumentException("subject reference must not be blank");
        }
        // A restart closes the old clock at the new trigger: that is when the period began anew.
        store.lockRunning(subjectId, period).ifPresent(running -> close(running, State.CANCELLED, trigger));
        return view(store.insert(subjectId, subjectRef, period, unitId, trigger, days, dayCount, due));
    }

    /**
     * Closes a locked running clock. Closing it after its due date reports the miss unless a scan
     * already has, so a late action never hides a miss and no miss is reported twice.
     */
    private ClockRow close(ClockRow running, State state, Instant at) {
        boolean raiseMiss = !running.missedRaised() && !calculator.onTime(at, running.dueDate());
        ClockRow closed = store.close(running.id(), state, at, running.missedRaised() || raiseMiss);
        if (raiseMiss) {
            events.publishEvent(missed(closed));
        }
        return closed;
    }

    private static DeadlineMissed missed(ClockRow row) {
        return new DeadlineMissed(row.subjectId(), row.subjectRef(), row.period(), row.unitId(), row.dueDate());
    }

    private ClockView view(ClockRow row) {
        return view(row, today());
    }

    private ClockView view(ClockRow row, LocalDate today) {
        boolean open = row.state() == State.RUNNING;
        State state = open && today.isAfter(row.dueDate()) ? State.MISSED : row.state();
        LocalDate asOf = open ? today : chinaDate(row.closedAt());
        return new ClockView(row.id(), row.subjectId(), row.subjectRef(), row.period(), row.unitId(),
                row.startedAt(), row.days(), row.dayCount(), row.dueDate(), calculator.dueAt(row.dueDate()), state,
                row.closedAt(), calculator.daysLeft(asOf, row.dueDate()));
    }

    private LocalDate today() {
        return chinaDate(clock.instant());
    }

    private static LocalDate chinaDate(Instant instant) {
        return LocalDate.ofInstant(instant, DeadlineCalculator.ZONE);
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
