package org.xinfang.deadline;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The working calendar and period rules in force, as administrators last saved them. Both are kept in
 * memory, because every deadline computation needs them and they change a few times a year.
 * <p>
 * Cluster-wide: every change bumps a version row ({@code deadline.calendar_version}) in its own
 * transaction, and a read compares the copy's version with it at most once per
 * {@code xinfang.deadline.calendar-check-interval} (5 seconds unless configured), reloading when it
 * moved. So a holiday an administrator enters on one node is used by every node within seconds, not
 * only after a restart. {@link #refresh()} reloads at once (the node that made the change does).
 */
@Service
public class Calendars {

    private static final Logger log = LoggerFactory.getLogger(Calendars.class);

    private final CalendarStore store;
    private final long checkIntervalNanos;

    /** Replaced as a whole, so a reader sees either the old calendar and rules or the new ones. */
    private volatile Snapshot snapshot;
    private volatile long lastCheckNanos;

    @Autowired
    Calendars(CalendarStore store, @Value("${xinfang.deadline.calendar-check-interval:PT5S}") Duration checkInterval) {
        this.store = store;
        if (checkInterval == null || checkInterval.isNegative()) {
            throw new IllegalArgumentException("xinfang.deadline.calendar-check-interval must not be negative, was " + checkInterval);
        }
        this.checkIntervalNanos = checkInterval.toNanos();
    }

    /** A calendar that checks the version on every read (tests, tools). */
    Calendars(CalendarStore store) {
        this(store, Duration.ZERO);
    }

    /** The holiday schedule in force. */
    public WorkingCalendar current() {
        return loaded().calendar();
    }

    /** The period rules in force: the configured rows over the defaults. */
    public PeriodRules rules() {
        return loaded().rules();
    }

    /** Reloads calendar and rules from the database. */
    public void refresh() {
        snapshot = load();
        lastCheckNanos = System.nanoTime();
    }

    private Snapshot loaded() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                current = snapshot;
                if (current == null) {
                    refresh();
                    current = snapshot;
                }
            }
            return current;
        }
        long now = System.nanoTime();
        if (now - lastCheckNanos >= checkIntervalNanos) {
            lastCheckNanos = now;
            try {
                if (store.version() != current.version()) {
                    synchronized (this) {
                        if (snapshot == current) {
                            refresh();
                        }
                        current = snapshot;
                    }
                }
            } catch (DataAccessException e) {
                // The database is away: the copy in hand is the best there is; the caller's own
                // statements will fail anyway if the outage lasts.
                log.warn("Could not check the calendar version, keeping the loaded one: {}", e.toString());
            }
        }
        return current;
    }

    private Snapshot load() {
        // the version first: a change committed in between only makes the next check reload again
        long version = store.version();
        return new Snapshot(version, WorkingCalendar.of(store.calendarDays()), PeriodRules.of(store.periodRules()));
    }

    private record Snapshot(long version, WorkingCalendar calendar, PeriodRules rules) {
    }
}
