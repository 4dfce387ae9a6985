package org.xinfang.workbench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/** The texts pages show for the errors other modules raise, in the page's language. */
@Component
class PageText {

    private final MessageSource messages;

    PageText(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    /** Each rejected field's message, by field name as the forms name their inputs. */
    Map<String, String> fieldErrors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            String message = p.messageKey() != null ? get(p.messageKey(), p.args())
                    : "en".equals(locale().getLanguage()) ? p.english() : p.chinese();
            errors.merge(p.field(), message, (a, b) -> a + " " + b);
        }
        return errors;
    }

    String of(RuleViolationException e) {
        return get(e.messageKey(), e.args());
    }

    String of(NotFoundException e) {
        return get(e.messageKey());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
