package org.xinfang.organization;

/** How far a user's view reaches in the organisation tree. */
public enum DataScope {
    /** 本单位: only the user's own unit. */
    OWN_UNIT,
    /** 本单位及下级: the user's unit and every unit below it in the tree. */
    UNIT_AND_BELOW,
    /**
     * 本级及下辖: the whole territory the user's unit serves and everything below it; for the 信访局 and
     * the government of a territory, whose remit is the territory rather than one office.
     */
    TERRITORY_AND_BELOW
}
