package org.xinfang.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.shared.ChinaTime;

/**
 * Staff notices (工作台通知): what other modules tell members of staff in the workbench — a new 督办单
 * for a unit, a case a leader took on (包案), a 批示 to carry out. Sending joins the caller's transaction,
 * so a step that rolls back leaves no notice behind. A notice to a unit (optionally to one role there)
 * is stored once and read by each member separately; it reaches whoever belongs to the unit when they
 * look, including staff who join later, because the work it points to is the unit's.
 * <p>
 * Titles are shown as plain text and must not carry personal data of petitioners (no names, ID numbers
 * or phones): the 信访件编号 identifies the case. Links are paths within the workbench.
 */
@Service
@Transactional
public class StaffNotices {

    /** The longest title kept; the list shows one line per notice. */
    public static final int MAX_TITLE = 200;

    private static final String VISIBLE_TO = """
            (n.user_id = :user OR (n.unit_id = :unit AND (n.role IS NULL OR n.role IN (:roles))))""";

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffNotices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Tells one member of staff.
     *
     * @param userId the staff user's id ({@link StaffUser#id()})
     * @param title  one line, at most {@value #MAX_TITLE} characters, without petitioners' personal data
     * @param link   the workbench path to open, e.g. {@code /supervision/orders/12}
     * @return the notice's id
     */
    public long notifyUser(long userId, String title, String link) {
        return insert(userId, null, null, title, link);
    }

    /**
     * Tells everyone of a unit, or only those of the unit who hold {@code role}.
     *
     * @param unitId the unit
     * @param role   the role that must act (e.g. {@link Role#HANDLER}), or {@code null} for all the unit's staff
     * @param title  one line, at most {@value #MAX_TITLE} characters, without petitioners' personal data
     * @param link   the workbench path to open
     * @return the notice's id
     */
    public long notifyUnit(long unitId, Role role, String title, String link) {
        return insert(null, unitId, role, title, link);
    }

    /** The newest notices for this user, unread and read, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<StaffNotice> recent(StaffUser user, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.title, n.link, n.created_at, r.notice_id IS NOT NULL AS read, n.unit_id IS NOT NULL AS to_unit
                FROM notification.staff_notice n
                LEFT JOIN notification.staff_notice_read r ON r.notice_id = n.id AND r.user_id = :user
                WHERE""" + VISIBLE_TO + """
                 ORDER BY n.created_at DESC, n.id DESC LIMIT :limit""")
                .param("user", user.id()).param("unit", user.unitId()).param("roles", roles(user))
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new StaffNotice(rs.getLong("id"), rs.getString("title"), rs.getString("link"),
                        rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(ChinaTime.ZONE)
                                .toOffsetDateTime(),
                        rs.getBoolean("read"), rs.getBoolean("to_unit")))
                .list();
    }

    /** How many notices this user has not read yet (the number on the bell). */
    @Transactional(readOnly = true)
    public long unreadCount(StaffUser user) {
        return jdbc.sql("""
                SELECT count(*) FROM notification.staff_notice n
                WHERE""" + VISIBLE_TO + """
                 AND NOT EXISTS (SELECT 1 FROM notification.staff_notice_read r WHERE r.notice_id = n.id AND r.user_id = :user)""")
                .param("user", user.id()).param("unit", user.unitId()).param("roles", roles(user))
                .query(Long.class).single();
    }

    /**
     * Marks one notice read for this user and returns its link; empty if the notice is not addressed to
     * them (so nobody learns what others were told).
     */
    public Optional<String> markRead(long noticeId, StaffUser user) {
        Optional<String> link = jdbc.sql("SELECT n.link FROM notification.staff_notice n WHERE n.id = :id AND"
                + VISIBLE_TO)
                .param("id", noticeId).param("user", user.id()).param("unit", user.unitId()).param("roles", roles(user))
                .query(String.class).optional();
        link.ifPresent(l -> jdbc.sql("""
                INSERT INTO notification.staff_notice_read (notice_id, user_id, read_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""").params(noticeId, user.id(), Timestamp.from(clock.instant())).update());
        return link;
    }

    /** Marks everything this user can see as read. */
    public void markAllRead(StaffUser user) {
        jdbc.sql("""
                INSERT INTO notification.staff_notice_read (notice_id, user_id, read_at)
                SELECT n.id, :user, :at FROM notification.staff_notice n WHERE""" + VISIBLE_TO + """
                 ON CONFLICT DO NOTHING""")
                .param("user", user.id()).param("unit", user.unitId()).param("roles", roles(user))
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private long insert(Long userId, Long unitId, Role role, String title, String link) {
        String text = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a staff notice needs a title of 1 to " + MAX_TITLE + " characters");
        }
        // only paths of this application: a notice must never send staff to another site
        if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
            throw new IllegalArgumentException("a staff notice links to a path within the workbench, got " + link);
        }
        return jdbc.sql("""
                INSERT INTO notification.staff_notice (user_id, unit_id, role, title, link, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(userId, unitId, role == null ? null : role.name(), text, link,
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    private static List<String> roles(StaffUser user) {
        List<String> roles = user.roles().stream().map(Role::name).toList();
        return roles.isEmpty() ? List.of("-") : roles;
    }
}
