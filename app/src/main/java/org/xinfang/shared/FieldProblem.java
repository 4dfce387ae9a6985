package org.xinfang.shared;

/**
 * One rejected input field. Either a {@code messageKey} looked up in {@code messages*.properties}, or
 * ready texts in both languages (for rules whose explanation is built by a value object). Chinese is
 * the default; English is given on request.
 */
public record FieldProblem(String field, String messageKey, Object[] args, String chinese, String english) {

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, args, null, null);
    }

    public static FieldProblem literal(String field, String chinese, String english) {
        return new FieldProblem(field, null, new Object[0], chinese, english);
    }
}
