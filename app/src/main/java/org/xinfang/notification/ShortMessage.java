package org.xinfang.notification;

import java.util.Map;

import org.xinfang.people.Masking;

/**
 * One SMS to one mobile number. {@link #toString()} and {@link #redacted()} show the number masked and
 * the template's secrets as asterisks, so a message can be logged without leaking what it carries.
 *
 * @param phone    the 11-digit mobile number
 * @param template what is said
 * @param values   the template's variables
 */
public record ShortMessage(String phone, SmsTemplate template, Map<String, String> values) {

    public ShortMessage {
        values = Map.copyOf(values);
    }

    /** The full text to send. */
    public String text() {
        return template.render(values, false);
    }

    /** Number masked and secrets replaced by asterisks: what may be logged. */
    public String redacted() {
        return Masking.phone(phone) + " [" + template.name() + "] " + template.render(values, true);
    }

    @Override
    public String toString() {
        return "ShortMessage[" + redacted() + "]";
    }
}
