package org.xinfang.deadline;

import org.springframework.stereotype.Service;

/**
 * The working calendar and period rules in force, as administrators last saved them. Both are read
 * once and kept in memory, because every deadline computation needs them and they change a few
 * times a year; call {@link #refresh()} after an administrator changes either.
 */
@Service
public class Calendars {

    private final CalendarStore store;

    /** Replaced as a whole, so a reader sees either the old calendar and rules or the new ones. */
    private volatile Snapshot snapshot;

    Calendars(CalendarStore store) {
        this.store = store;
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
    }

    private Snapshot loaded() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                current = snapshot;
                if (current == null) {
                    current = load();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private Snapshot load() {
        return new Snapshot(WorkingCalendar.of(store.calendarDays()), PeriodRules.of(store.periodRules()));
    }

    private record Snapshot(WorkingCalendar calendar, PeriodRules rules) {
    }
}
