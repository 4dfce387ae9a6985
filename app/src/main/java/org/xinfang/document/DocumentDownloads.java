package org.xinfang.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/** Request checks shared by the document endpoints. */
final class DocumentDownloads {

    private DocumentDownloads() {
    }

    /** {@code pdf} or {@code docx}, in any case; anything else is a field error, not a 500. */
    static DocumentFormat format(String format) {
        try {
            return DocumentFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "document.format.unknown");
        }
    }

    static void requireSupervisionFields(String reason, String requirement, LocalDate dueDate, String method) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of("reason", "document.supervision.required"));
        }
        if (requirement == null || requirement.isBlank()) {
            problems.add(FieldProblem.of("requirement", "document.supervision.required"));
        }
        if (dueDate == null) {
            problems.add(FieldProblem.of("dueDate", "document.supervision.required"));
        }
        if (method == null || method.isBlank()) {
            problems.add(FieldProblem.of("method", "document.supervision.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
