/**
 * Intake: receiving petitions on the five channels 信、访、电、网、微 — the channel's own fields,
 * validation field by field, the petitioner's details into the people register, and idempotency so
 * that a retried submission never creates a second petition.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.xinfang.intake;
