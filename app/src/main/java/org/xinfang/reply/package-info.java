/**
 * 答复: what the reply module owns beside the petition aggregate (docs/adr/002) — the reply checker run
 * before a reply is approved: each demand answered, a lawful outcome, facts and legal basis stated, the
 * 复查 / 复核 notice naming the right organ, no third party's personal data, and nothing of an accusation
 * revealed to the accused. It lists what is missing in plain Chinese; it never blocks the approver.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reply checker")
package org.xinfang.reply;
