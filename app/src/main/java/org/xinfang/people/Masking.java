package org.xinfang.people;

/**
 * 脱敏: how personal data is shown to people who need to recognise it but not read it — on lists,
 * printed notices, exports and in logs. Each method accepts anything, including invalid input (old
 * records, free text), and returns {@code null} for {@code null}; counting is by Unicode code point,
 * so rare characters outside the Basic Multilingual Plane count as one.
 */
public final class Masking {

    private static final String ASTERISK = "*";

    private Masking() {
    }

    /**
     * Keeps the first character and masks the rest, one asterisk each: {@code 张三丰 → 张**},
     * {@code 李四 → 李*}, {@code John Smith → J*********}. A one-character name is masked entirely.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length <= 1) {
            return ASTERISK.repeat(chars.length);
        }
        return new String(chars, 0, 1) + ASTERISK.repeat(chars.length - 1);
    }

    /**
     * Keeps the first 6 characters — typically province, city and district — then {@code ****}:
     * {@code 北京市海淀区中关村大街1号 → 北京市海淀区****}. An address of 6 characters or fewer keeps only
     * its first half, so some of it is always hidden.
     */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        int[] chars = address.strip().codePoints().toArray();
        if (chars.length == 0) {
            return "";
        }
        int kept = chars.length > 6 ? 6 : chars.length / 2;
        return new String(chars, 0, kept) + "****";
    }

    /**
     * A valid ID card number as {@link IdCardNumber#masked()} ({@code 110***********123X});
     * anything else with all but its last 2 characters masked.
     */
    public static String idCard(String idCard) {
        if (idCard == null) {
            return null;
        }
        return IdCardNumber.isValid(idCard) ? IdCardNumber.parse(idCard).masked() : allButLastTwo(idCard);
    }

    /**
     * A valid phone number as {@link PhoneNumber#masked()} ({@code 138****5678});
     * anything else with all but its last 2 characters masked.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        return PhoneNumber.isValid(phone) ? PhoneNumber.parse(phone).masked() : allButLastTwo(phone);
    }

    // Two characters or fewer would be revealed entirely, so they are masked entirely.
    private static String allButLastTwo(String text) {
        int[] chars = text.strip().codePoints().toArray();
        if (chars.length <= 2) {
            return ASTERISK.repeat(chars.length);
        }
        return ASTERISK.repeat(chars.length - 2) + new String(chars, chars.length - 2, 2);
    }
}
