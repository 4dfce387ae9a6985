package org.xinfang.notification;

import java.time.OffsetDateTime;

/**
 * One staff notice (工作台通知) as its reader sees it.
 *
 * @param id        the notice's id
 * @param title     what happened, one line in Chinese, e.g. "新督办单：XF… 请于…前反馈"
 * @param link      the workbench page that needs attention, a path within the application
 * @param createdAt when it was sent
 * @param read      whether this reader has opened it or marked it read
 * @param toUnit    whether it was sent to the reader's unit (everyone there) rather than to the reader
 */
public record StaffNotice(long id, String title, String link, OffsetDateTime createdAt, boolean read, boolean toUnit) {
}
