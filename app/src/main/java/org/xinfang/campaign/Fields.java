package org.xinfang.campaign;

import java.util.List;

import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/** The field checks this module's commands share; problems are collected so a form shows them all at once. */
final class Fields {

    private Fields() {
    }

    /** The stripped text, or null when blank; notes a problem when required and blank or when too long. */
    static String text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            if (required) {
                problems.add(FieldProblem.of(field, "validation.required"));
            }
            return null;
        }
        if (clean.length() > max) {
            problems.add(FieldProblem.of(field, "validation.tooLong", max));
        }
        return clean;
    }

    static void require(List<FieldProblem> problems, String field, Object value) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "validation.required"));
        }
    }

    /** The constant named {@code value}, or null (with a problem when required or unknown). */
    static <E extends Enum<E>> E choice(List<FieldProblem> problems, String field, String value, Class<E> type,
            boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, "validation.required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "campaign.validation.choice"));
            return null;
        }
    }

    static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
