package org.xinfang.people;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * 居民身份证号码: the 18-character citizen identification number of GB 11643-1999 — a 6-digit
 * address code (行政区划代码), an 8-digit birth date, a 3-digit sequence code and a check character
 * computed with ISO 7064 MOD 11-2.
 * <p>
 * Always valid once constructed; the value is kept normalised (trimmed, check character {@code X}
 * upper-case). {@link #toString()} shows only the masked form so the number cannot leak through
 * logs or string concatenation; use {@link #value()} deliberately, e.g. to encrypt it.
 *
 * @param value the normalised 18-character number
 */
public record IdCardNumber(String value) {

    static final String FIELD_KEY = "idCard";
    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    // "Not born in the future" is a plausibility check against the real calendar, judged where the
    // cards are issued; it does not take part in any deadline, so it does not need the injected Clock.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * @throws InvalidPersonalDataException naming the rule that failed
     */
    public IdCardNumber {
        value = normalise(value);
        validate(value);
    }

    /**
     * Parses a number as typed: surrounding whitespace, full-width characters and a lower-case
     * check character {@code x} are accepted.
     *
     * @throws InvalidPersonalDataException naming the rule that failed (长度, 格式, 地址码, 出生日期, 校验位)
     */
    public static IdCardNumber parse(String text) {
        return new IdCardNumber(text);
    }

    /** Whether {@link #parse} would accept {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidPersonalDataException e) {
            return false;
        }
    }

    /** The holder's date of birth, from digits 7–14. */
    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    /** The first 3 and last 4 characters, the rest as asterisks: {@code 110***********123X}. */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(LENGTH - 7) + value.substring(LENGTH - 4);
    }

    /** The masked form; never the full number. */
    @Override
    public String toString() {
        return masked();
    }

    /** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
    static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static String normalise(String text) {
        if (text == null) {
            throw invalid("身份证号码不能为空", "the ID card number is required");
        }
        // NFKC folds the full-width digits and letters that Chinese input methods produce.
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    private static void validate(String value) {
        if (value.length() != LENGTH) {
            throw invalid("长度错误：身份证号码应为 18 位", "length: an ID card number has 18 characters");
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                throw invalid("格式错误：前 17 位应为数字", "format: the first 17 characters must be digits");
            }
        }
        char last = value.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            throw invalid("格式错误：第 18 位应为数字或 X", "format: the 18th character must be a digit or X");
        }
        if (!isProvinceCode(Integer.parseInt(value.substring(0, 2)))) {
            throw invalid("地址码错误：前两位不是有效的省级行政区划代码",
                    "address code: the first two digits are not a province-level division code");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw invalid("出生日期错误：不是有效的日期", "birth date: not a valid calendar date");
        }
        if (birth.isBefore(EARLIEST_BIRTH_DATE) || birth.isAfter(LocalDate.now(CHINA))) {
            throw invalid("出生日期错误：应在 1900 年 1 月 1 日至今天之间",
                    "birth date: must lie between 1900-01-01 and today");
        }
        if (checkCharacter(value) != last) {
            throw invalid("校验位错误：第 18 位与前 17 位计算的校验码不符",
                    "check character: the 18th character does not match the checksum of the first 17 digits");
        }
    }

    /** Province-level codes of GB/T 2260, with 71 Taiwan, 81 Hong Kong and 82 Macao. */
    private static boolean isProvinceCode(int code) {
        return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37)
                || (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65)
                || code == 71 || code == 81 || code == 82;
    }

    // Character.isDigit would also accept full-width and other scripts' digits.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidPersonalDataException invalid(String chinese, String english) {
        return new InvalidPersonalDataException(FIELD_KEY, chinese, english);
    }
}
