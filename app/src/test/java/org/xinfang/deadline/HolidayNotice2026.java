package org.xinfang.deadline;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xinfang.deadline.WorkingCalendar.DayKind;

/**
 * The 2026 schedule as the State Council published it (国办发明电〔2025〕7号, 2025-11-04), written out
 * by hand from the notice so the tests do not trust the migration they check.
 */
final class HolidayNotice2026 {

    static final List<LocalDate> HOLIDAYS = List.of(
            // 元旦: 1月1日(周四)至3日(周六)
            date(1, 1), date(1, 2), date(1, 3),
            // 春节: 2月15日(周日)至23日(周一), 共9天
            date(2, 15), date(2, 16), date(2, 17), date(2, 18), date(2, 19),
            date(2, 20), date(2, 21), date(2, 22), date(2, 23),
            // 清明节: 4月4日(周六)至6日(周一)
            date(4, 4), date(4, 5), date(4, 6),
            // 劳动节: 5月1日(周五)至5日(周二)
            date(5, 1), date(5, 2), date(5, 3), date(5, 4), date(5, 5),
            // 端午节: 6月19日(周五)至21日(周日)
            date(6, 19), date(6, 20), date(6, 21),
            // 中秋节: 9月25日(周五)至27日(周日)
            date(9, 25), date(9, 26), date(9, 27),
            // 国庆节: 10月1日(周四)至7日(周三)
            date(10, 1), date(10, 2), date(10, 3), date(10, 4), date(10, 5), date(10, 6), date(10, 7));

    /** 调休上班: 1月4日(周日), 2月14日(周六), 2月28日(周六), 5月9日(周六), 9月20日(周日), 10月10日(周六). */
    static final List<LocalDate> MAKE_UP_WORKDAYS = List.of(
            date(1, 4), date(2, 14), date(2, 28), date(5, 9), date(9, 20), date(10, 10));

    private HolidayNotice2026() {
    }

    static Map<LocalDate, DayKind> days() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        HOLIDAYS.forEach(day -> days.put(day, DayKind.HOLIDAY));
        MAKE_UP_WORKDAYS.forEach(day -> days.put(day, DayKind.WORKDAY));
        return days;
    }

    static WorkingCalendar calendar() {
        return WorkingCalendar.of(days());
    }

    static LocalDate date(int month, int day) {
        return LocalDate.of(2026, month, day);
    }
}
