package org.xinfang.shared;

/**
 * One rejected input field. {@code messageKey} is looked up in {@code messages*.properties} so the
 * answer comes in Chinese by default and in English on request.
 */
public record FieldProblem(String field, String messageKey, Object... args) {
}
