package org.xinfang.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionScope;
import org.xinfang.petition.PetitionViews;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * What every supervision use case needs of a case: the case as the user may see it (404 outside their
 * scope; the read is audited by the petition module), who is responsible for it now, today's date in
 * China time, and field checks that collect every problem before refusing.
 */
@Component
class CaseFiles {

    private final PetitionQueries queries;
    private final PetitionScope scope;
    private final Clock clock;

    CaseFiles(PetitionQueries queries, PetitionScope scope, Clock clock) {
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
    }

    /** The case in the user's scope; {@code NotFoundException} (404) if it does not exist for them. */
    PetitionViews.Detail visible(String number, StaffUser user) {
        if (number == null || number.isBlank()) {
            throw new InvalidInputException("number", "supervision.validation.number");
        }
        return queries.detail(number.strip(), user);
    }

    /** The case for work the system does on its own behalf (a listener); audited with the purpose. */
    PetitionViews.Detail forSystem(UUID petitionId, String purpose) {
        return queries.forSystem(petitionId, purpose);
    }

    /** The SQL scope condition over {@code petition.petition p} and its parameters for this user. */
    String scopeCondition() {
        return PetitionScope.CONDITION;
    }

    Object[] scopeParameters(StaffUser user) {
        return scope.parameters(user);
    }

    /**
     * 找准不落实的人: the member of staff who accepted the case at its current unit (the last 受理 there),
     * or null while the unit has not accepted it (then its head answers for it).
     */
    static String responsiblePerson(PetitionViews.Detail d) {
        String person = null;
        String unit = d.currentUnit() == null ? null : d.currentUnit().name();
        for (PetitionViews.TimelineView t : d.timeline()) {
            if ("ACCEPTED".equals(t.event()) && (unit == null || unit.equals(t.unit()))) {
                person = t.actor();
            }
        }
        return person;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }

    java.time.Instant now() {
        return clock.instant();
    }

    static void requireRole(StaffUser user, Role... roles) {
        if (!user.hasAny(roles)) {
            throw new AccessDeniedException("role");
        }
    }

    /** Collects field problems so that a form learns every fault at once. */
    static final class Problems {

        private final List<FieldProblem> list = new ArrayList<>();

        String text(String field, String value, int max) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                list.add(FieldProblem.of(field, "supervision.validation.required"));
            } else if (v.length() > max) {
                list.add(FieldProblem.of(field, "supervision.validation.tooLong", max));
            }
            return v;
        }

        String optionalText(String field, String value, int max) {
            String v = value == null ? "" : value.strip();
            if (v.length() > max) {
                list.add(FieldProblem.of(field, "supervision.validation.tooLong", max));
            }
            return v.isEmpty() ? null : v;
        }

        <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
            if (value == null || value.isBlank()) {
                list.add(FieldProblem.of(field, "supervision.validation.required"));
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                list.add(FieldProblem.of(field, "supervision.validation.choice"));
                return null;
            }
        }

        /** A date after today and at most {@code maxDays} ahead. */
        LocalDate futureDate(String field, String value, LocalDate today, int maxDays, boolean required) {
            LocalDate d = date(field, value, required);
            if (d != null && !d.isAfter(today)) {
                list.add(FieldProblem.of(field, "supervision.validation.future"));
            } else if (d != null && d.isAfter(today.plusDays(maxDays))) {
                list.add(FieldProblem.of(field, "supervision.validation.tooFar", maxDays));
            }
            return d;
        }

        /** A date not after today. */
        LocalDate pastDate(String field, String value, LocalDate today) {
            LocalDate d = date(field, value, true);
            if (d != null && d.isAfter(today)) {
                list.add(FieldProblem.of(field, "supervision.validation.notFuture"));
            }
            return d;
        }

        LocalDate date(String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    list.add(FieldProblem.of(field, "supervision.validation.required"));
                }
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                list.add(FieldProblem.of(field, "supervision.validation.date"));
                return null;
            }
        }

        void add(String field, String key, Object... args) {
            list.add(FieldProblem.of(field, key, args));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidInputException(list);
            }
        }
    }
}
