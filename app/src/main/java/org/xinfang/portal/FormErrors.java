package org.xinfang.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.xinfang.shared.FieldProblem;

/** Field problems as a form shows them: one message per field, in the page's language. */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> of(List<FieldProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String message = p.messageKey() != null ? messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)
                    : "en".equals(locale.getLanguage()) ? p.english() : p.chinese();
            errors.merge(p.field(), message, (a, b) -> a + " " + b);
        }
        return errors;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
