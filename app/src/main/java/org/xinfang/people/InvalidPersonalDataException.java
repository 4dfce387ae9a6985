package org.xinfang.people;

/**
 * A piece of personal data (an identity card number, a phone number …) broke one of its rules.
 * Carries the key of the input field it came from, so a web layer can turn it into a field error,
 * and the broken rule explained in Chinese and English.
 * <p>
 * The messages name the rule only, never the offending value: exceptions end up in logs, and
 * plaintext personal data must not.
 */
public class InvalidPersonalDataException extends IllegalArgumentException {

    private final String fieldKey;
    private final String chineseMessage;
    private final String englishMessage;

    public InvalidPersonalDataException(String fieldKey, String chineseMessage, String englishMessage) {
        super(chineseMessage + " / " + englishMessage);
        this.fieldKey = fieldKey;
        this.chineseMessage = chineseMessage;
        this.englishMessage = englishMessage;
    }

    /** The input field the value came from, e.g. {@code idCard} or {@code phone}. */
    public String fieldKey() {
        return fieldKey;
    }

    /** What rule was broken, in Chinese (shown to staff and petitioners). */
    public String chineseMessage() {
        return chineseMessage;
    }

    /** What rule was broken, in English. */
    public String englishMessage() {
        return englishMessage;
    }
}
