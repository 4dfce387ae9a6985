/**
 * 领导接访日 and 带案下访: the published reception schedule (leader, date, time, place, topics,
 * capacity), appointments booked from the portal or by clerks within the capacity, the record of each
 * reception linked to a new (来访) or existing petition, and records of leaders going down to the
 * grassroots with cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leaders' reception days")
package org.xinfang.reception;
