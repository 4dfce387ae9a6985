package org.xinfang.shared;

import java.util.List;

/** Input that breaks a rule a form could have checked: answered with 400 and the fields at fault. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(FieldProblem.of(field, messageKey, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
