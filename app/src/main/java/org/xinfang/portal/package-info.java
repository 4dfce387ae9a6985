/**
 * The public portal 网上信访: what can be petitioned here and how, a submission wizard for citizens
 * without an account (with attachments, a confirmation step and a printable receipt with 信访件编号 and
 * 查询码), tracking by number and code, rating and 复查/复核 requests — and the anti-abuse rules shared
 * with the public API (per-address limits counted in PostgreSQL, an arithmetic challenge).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public portal")
package org.xinfang.portal;
