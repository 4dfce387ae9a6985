package org.xinfang.bench.load;

/** The kinds of request the load driver sends, as users of the platform send them. */
public enum RequestType {
    /** 网上信访: a citizen submits through the public API, with an Idempotency-Key, from their own address. */
    PUBLIC_SUBMISSION,
    /** 登记: a clerk registers a letter, visit or call through the staff API with a bearer token. */
    STAFF_REGISTRATION,
    /** 工作台收件箱: a member of staff opens a work list page (HTML, signed-in session). */
    INBOX,
    /** 案件页: a member of staff opens a case page (HTML, audited read). */
    CASE_PAGE,
    /** 查询: a petitioner looks up their petition with number and 查询码 (public API). */
    TRACKING
}
