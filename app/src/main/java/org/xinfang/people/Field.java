package org.xinfang.people;

/**
 * The kind of personal data a stored value belongs to. The constant's name is bound into every
 * sealed value as GCM associated data and into every blind index, so a ciphertext copied into
 * another column does not decrypt and indexes of different fields never match.
 * <p>
 * Renaming a constant therefore makes existing data unreadable: add new constants, never rename.
 */
public enum Field {
    /** 姓名: the person's name. */
    NAME,
    /** 居民身份证号码: the resident identity card number. */
    ID_CARD,
    /** 联系电话: a mobile or landline number. */
    PHONE,
    /** 住址: a postal or residential address. */
    ADDRESS,
    /** Any other personal data (e.g. a 信访 letter's free-text contact details). */
    OTHER
}
