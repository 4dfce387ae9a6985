package org.xinfang.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionScope;
import org.xinfang.shared.ChinaTime;

/**
 * The attachments of a petition for staff: listed and downloaded only by users whose scope reaches the
 * petition (the same rule as the petition itself, confidential 检举控告 included), each read audited.
 */
@Service
public class Attachments {

    /** One attachment as a list shows it; {@code contentType} is the sniffed type. */
    public record Info(UUID id, String name, String contentType, int size, OffsetDateTime receivedAt) {
    }

    /** The file itself. */
    public record Content(String name, String contentType, byte[] data) {
    }

    private final JdbcClient jdbc;
    private final PetitionScope scope;
    private final AuditLog audit;
    private final Clock clock;

    Attachments(JdbcClient jdbc, PetitionScope scope, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The attachments of a petition the user may see, in the order they were handed in; empty otherwise. */
    @Transactional
    public List<Info> of(String number, StaffUser user) {
        List<Info> list = jdbc.sql("SELECT a.id, a.name, a.content_type, a.size, a.created_at FROM intake.attachment a "
                + "JOIN petition.petition p ON p.id = a.petition_id WHERE p.number = ? AND " + PetitionScope.CONDITION
                + " ORDER BY a.position")
                .params(params(number, user))
                .query((rs, n) -> new Info(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime()))
                .list();
        if (!list.isEmpty()) {
            audit.record("attachment.list", "petition", number, list.size() + " attachments");
        }
        return list;
    }

    /** One attachment's content, if the user may see its petition. */
    @Transactional
    public Optional<Content> content(String number, UUID attachmentId, StaffUser user) {
        Object[] base = params(number, user);
        Object[] all = new Object[base.length + 1];
        all[0] = attachmentId;
        System.arraycopy(base, 0, all, 1, base.length);
        Optional<Content> found = jdbc.sql("SELECT a.name, a.content_type, a.data FROM intake.attachment a "
                + "JOIN petition.petition p ON p.id = a.petition_id WHERE a.id = ? AND p.number = ? AND "
                + PetitionScope.CONDITION)
                .params(all)
                .query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
        found.ifPresent(c -> audit.record("attachment.read", "petition", number, attachmentId + " " + c.name()));
        return found;
    }

    /** Stores the checked attachments of a petition being registered, inside the registering transaction. */
    void store(UUID petitionId, List<AttachmentPolicy.Checked> checked) {
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < checked.size(); i++) {
            AttachmentPolicy.Checked c = checked.get(i);
            Attachment a = new Attachment(c.name(), c.kind().mediaType, c.data());
            jdbc.sql("INSERT INTO intake.attachment (id, petition_id, position, name, content_type, size, sha256, data, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, decode(?, 'hex'), ?, ?)")
                    .params(UUID.randomUUID(), petitionId, i, c.name(), c.kind().mediaType, c.data().length, a.sha256(),
                            c.data(), now)
                    .update();
        }
    }

    private Object[] params(String number, StaffUser user) {
        Object[] scoped = scope.parameters(user);
        Object[] params = new Object[scoped.length + 1];
        params[0] = number;
        System.arraycopy(scoped, 0, params, 1, scoped.length);
        return params;
    }
}
