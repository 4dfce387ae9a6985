package org.xinfang.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.xinfang.shared.ChinaTime;

/** Dates as official documents print them: 二〇二六年十一月二十二日. */
final class ChineseDates {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseDates() {
    }

    static String of(LocalDate date) {
        if (date == null) {
            return "";
        }
        StringBuilder year = new StringBuilder();
        for (char c : Integer.toString(date.getYear()).toCharArray()) {
            year.append(DIGITS.charAt(c - '0'));
        }
        return year + "年" + number(date.getMonthValue()) + "月" + number(date.getDayOfMonth()) + "日";
    }

    static String of(Instant instant) {
        return instant == null ? "" : of(instant.atZone(ChinaTime.ZONE).toLocalDate());
    }

    static String of(OffsetDateTime at) {
        return at == null ? "" : of(at.toInstant());
    }

    /** 1–31 as read aloud: 十, 十一, 二十, 二十一, 三十一. */
    static String number(int n) {
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : DIGITS.charAt(ones));
    }
}
