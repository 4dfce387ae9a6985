package org.xinfang.shared;

import java.time.ZoneId;

/** Calendar days, deadlines and printed dates are reckoned in China Standard Time. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }
}
