package org.xinfang.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.shared.ChinaTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Audit endpoints for administrators and supervisors (role rules in the security configuration). */
@RestController
class AuditController {

    record EntryView(long seq, OffsetDateTime at, String actor, String action, String objectType, String objectId,
            String detail, String clientIp) {
    }

    private final AuditVerification verification;
    private final JdbcClient jdbc;

    AuditController(AuditVerification verification, JdbcClient jdbc) {
        this.verification = verification;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/audit/verify")
    AuditVerification.Result verify() {
        return verification.verify();
    }

    @GetMapping("/api/v1/audit/entries")
    List<EntryView> entries(@RequestParam @NotBlank @Size(max = 40) String objectType,
            @RequestParam @NotBlank @Size(max = 100) String objectId,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return jdbc.sql("""
                SELECT seq, at, actor, action, object_type, object_id, detail, client_ip FROM audit.entry
                WHERE object_type = ? AND object_id = ? ORDER BY seq DESC LIMIT ?""")
                .params(objectType, objectId, limit)
                .query((rs, n) -> new EntryView(rs.getLong(1), rs.getTimestamp(2).toInstant().atZone(ChinaTime.ZONE)
                        .toOffsetDateTime(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)))
                .list();
    }
}
