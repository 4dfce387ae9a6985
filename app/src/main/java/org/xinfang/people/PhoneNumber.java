package org.xinfang.people;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 联系电话: a mainland mobile number ({@code 13812345678}) or a landline with its area code
 * ({@code 010-62345678}, {@code 0755-2345678-801} with an extension).
 * <p>
 * Always valid once constructed, and kept in one canonical form so equal numbers are equal values:
 * a mobile as its 11 digits (country code, spaces and hyphens dropped), a landline as
 * {@code area-local} or {@code area-local-extension}. {@link #toString()} shows only the masked form.
 *
 * @param value the canonical number
 */
public record PhoneNumber(String value) {

    static final String FIELD_KEY = "phone";

    // 1[3-9] plus 9 digits, optionally after the country code as people write it.
    private static final Pattern MOBILE = Pattern.compile("(?:\\+86|0086|86)?(1[3-9]\\d{9})");
    // Area codes form a prefix code: 010 and 02x have two digits after the 0, all others three. Using
    // that instead of "2 or 3 digits" makes 01062345678 unambiguous without a hyphen. Local numbers
    // never start with 0, which catches a doubled area code.
    private static final Pattern LANDLINE = Pattern.compile(
            "\\(?(0[12]\\d|0[3-9]\\d{2})\\)?-?([1-9]\\d{6,7})(?:(?:-|转|分机|#|ext\\.?|x)(\\d{1,6}))?",
            Pattern.CASE_INSENSITIVE);

    /**
     * @throws InvalidPersonalDataException if the text is neither a mobile nor a landline number
     */
    public PhoneNumber {
        value = canonical(value);
    }

    /**
     * Parses a number as typed: surrounding whitespace, full-width digits, spaces and hyphens
     * inside a mobile number, a {@code +86} prefix, and the area code in parentheses are accepted.
     *
     * @throws InvalidPersonalDataException if the text is neither a mobile nor a landline number
     */
    public static PhoneNumber parse(String text) {
        return new PhoneNumber(text);
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

    /** Whether this is a mobile number (otherwise a landline). */
    public boolean isMobile() {
        return value.charAt(0) == '1';
    }

    /**
     * Mobile: the first 3 and last 4 digits, {@code 138****5678}. Landline: the area code and the
     * last 2 digits of the local number, {@code 010-******78}; an extension is masked entirely.
     */
    public String masked() {
        if (isMobile()) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        String[] parts = value.split("-");
        String local = parts[1];
        String masked = parts[0] + "-" + "*".repeat(local.length() - 2) + local.substring(local.length() - 2);
        return parts.length == 3 ? masked + "-" + "*".repeat(parts[2].length()) : masked;
    }

    /** The masked form; never the full number. */
    @Override
    public String toString() {
        return masked();
    }

    private static String canonical(String text) {
        if (text == null) {
            throw invalid("联系电话不能为空", "the phone number is required");
        }
        // NFKC folds the full-width digits, hyphens and parentheses that Chinese input methods produce.
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher mobile = MOBILE.matcher(folded.replaceAll("[\\s-]", ""));
        if (mobile.matches()) {
            return mobile.group(1);
        }
        Matcher landline = LANDLINE.matcher(folded.replaceAll("\\s", ""));
        if (landline.matches()) {
            String number = landline.group(1) + "-" + landline.group(2);
            return landline.group(3) == null ? number : number + "-" + landline.group(3);
        }
        throw invalid("格式错误：应为 11 位手机号码，或区号加 7–8 位号码的固定电话",
                "format: expected an 11-digit mobile number, or a landline of area code plus 7-8 digits");
    }

    private static InvalidPersonalDataException invalid(String chinese, String english) {
        return new InvalidPersonalDataException(FIELD_KEY, chinese, english);
    }
}
