package org.xinfang.shared;

import java.util.regex.Pattern;

/**
 * 行政区划代码: a territory code in the structure of GB/T 2260 (6 digits: province, city, county) extended
 * by the 9-digit township (乡镇街道) and 12-digit village/community (村社区) codes of the statistical
 * division codes. The code says nothing about whether the territory exists; the organization module
 * knows which territories this installation serves.
 */
public record RegionCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    public RegionCode {
        if (value == null || !SHAPE.matcher(value).matches() || value.startsWith("00")) {
            throw new InvalidInputException("regionCode", "validation.regionCode.format");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches() && !value.startsWith("00");
    }

    /** The province-level prefix (2 digits). */
    public String province() {
        return value.substring(0, 2);
    }

    /** The county-level code (6 digits) this territory lies in. */
    public String county() {
        return value.substring(0, 6);
    }

    @Override
    public String toString() {
        return value;
    }
}
