/**
 * Notification: staff notices in the workbench ({@link org.xinfang.notification.StaffNotices}) and SMS that
 * tell petitioners what happened to their petition — the 信访件编号 and 查询码 at
 * once, then acceptance, extension, the reply and review steps. Messages go through a transactional
 * outbox in PostgreSQL and are sent after commit, retried until delivered, so none is lost and none
 * is sent for a petition that was never saved. Phone numbers and query codes never reach a log in
 * plain text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.xinfang.notification;
