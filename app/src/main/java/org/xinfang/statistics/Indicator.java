package org.xinfang.statistics;

/**
 * The indicators, each with a precise definition shown as help text on the dashboard and in reports
 * (texts {@code statistics.indicator.<NAME>.name} / {@code .help} in {@code i18n/statistics*.properties})
 * and written out in {@code docs/statistics.md}.
 */
public enum Indicator {
    /** 信访总量 */
    RECEIVED,
    /** 及时分流率: routing duties (转送/交办/不予受理/引导) decided in the period and met within 15 days of receipt. */
    TIMELY_ROUTING,
    /** 按期受理率: written-notice duties of the handling units decided in the period and met. */
    ON_TIME_ACCEPTANCE,
    /** 按期办结率: handling duties (60 days, extended, or 10 working days simplified) decided in the period and met. */
    ON_TIME_COMPLETION,
    /** 群众满意率: 满意 + 基本满意 among the rated replies issued in the period. */
    SATISFACTION,
    /** 参评率: rated replies among the replies issued in the period. */
    PARTICIPATION,
    /** 重复信访率 */
    REPEAT,
    /** 越级信访率 */
    SKIP_LEVEL,
    /** 初信初访一次性化解率 */
    FIRST_RESOLUTION,
    /** 积案化解率 */
    BACKLOG_RESOLUTION,
    /** 复查 / 复核 */
    REVIEWS,
    /** 督办 */
    SUPERVISION,
    /** 单位排名 */
    RANKING,
    /** 期限健康度 */
    HEALTH
}
