package org.xinfang.organization;

/** What kind of organ a unit is; routing rules depend on it. */
public enum UnitKind {
    /** A territory and its people's government (市、区县、乡镇街道、村社区). */
    TERRITORY,
    /** 信访局 / 信访办: the petition bureau of a territory. */
    PETITION_BUREAU,
    /** A functional department (住建局、人社局、教育局 …). */
    DEPARTMENT,
    /** 纪委监委: receives 检举控告 about officials, under strict confidentiality. */
    DISCIPLINE,
    /** 政法委: 涉法涉诉 matters are split off to the political-legal organs (诉访分离). */
    POLITICAL_LEGAL,
    /** 人民法院 */
    COURT
}
