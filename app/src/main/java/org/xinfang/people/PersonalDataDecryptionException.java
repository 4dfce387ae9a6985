package org.xinfang.people;

/**
 * A sealed personal-data value could not be opened: it was tampered with, belongs to another
 * {@link Field}, was sealed under another master key, or is not in a format this version knows.
 * <p>
 * Deliberately carries no cause: the cryptographic library's exception types stay inside this
 * module, and the message never contains any part of the value.
 */
public class PersonalDataDecryptionException extends RuntimeException {

    private final Field field;

    PersonalDataDecryptionException(Field field, String chineseReason, String englishReason) {
        super("无法解密个人信息（" + field + "）：" + chineseReason
                + " / Cannot decrypt personal data (" + field + "): " + englishReason);
        this.field = field;
    }

    /** The field the caller tried to decrypt as. */
    public Field field() {
        return field;
    }
}
