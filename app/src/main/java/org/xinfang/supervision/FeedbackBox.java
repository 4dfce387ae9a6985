package org.xinfang.supervision;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.Units;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * 意见箱: the public reports the conduct of staff of the bureau or of the units it works with; name and
 * contact are optional. Reports are confidential: only 督查员 of a petition bureau (信访局) whose scope
 * reaches the unit concerned see them — the internal supervision group. Staff of the unit concerned
 * never do (they hold no such role at a bureau), nor does anyone else. Name and contact are sealed
 * (SM4-GCM) at rest; every read is audited.
 */
@Service
@Transactional
public class FeedbackBox {

    /**
     * A report as the citizen writes it.
     *
     * @param name       optional
     * @param contact    optional phone or e-mail, for an answer
     * @param aboutUnitId the unit whose staff it concerns, or null if unknown
     * @param aboutStaff  the member of staff (name, number or description), optional
     * @param content    what happened
     */
    public record Report(String name, String contact, Long aboutUnitId, String aboutStaff, String content) {
    }

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditLog audit;
    private final Units units;
    private final PersonalDataCipher cipher;

    FeedbackBox(JdbcClient jdbc, CaseFiles cases, AuditLog audit, Units units, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.units = units;
        this.cipher = cipher;
    }

    /** Files a report from the public; returns its reference (受理编号) for the citizen. */
    public String submit(Report in) {
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String name = problems.optionalText("name", in.name(), 50);
        String contact = problems.optionalText("contact", in.contact(), 100);
        String staff = problems.optionalText("aboutStaff", in.aboutStaff(), 100);
        String content = problems.text("content", in.content(), 4000);
        if (content.length() > 0 && content.length() < 10) {
            problems.add("content", "supervision.validation.tooShort", 10);
        }
        Unit unit = null;
        if (in.aboutUnitId() != null) {
            unit = units.find(in.aboutUnitId()).orElse(null);
            if (unit == null) {
                problems.add("aboutUnitId", "supervision.validation.unit");
            }
        }
        problems.throwIfAny();
        String reference = reference();
        jdbc.sql("""
                INSERT INTO supervision.feedback (reference, name_enc, contact_enc, about_unit_id, about_unit_name,
                    about_staff, content, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reference, cipher.encrypt(name, Field.NAME), cipher.encrypt(contact, Field.OTHER),
                        unit == null ? null : unit.id(), unit == null ? null : unit.name(), staff, content,
                        Timestamp.from(cases.now()))
                .update();
        audit.record("supervision.feedback.submitted", "feedback", reference, unit == null ? "" : unit.code());
        return reference;
    }

    /** The confidential queue of the bureau's supervisors, open reports first. */
    @Transactional(readOnly = true)
    public List<SupervisionViews.Feedback> queue(StaffUser user) {
        List<Object> params = new ArrayList<>();
        params.add(allowedUnits(user));
        return jdbc.sql("""
                SELECT * FROM supervision.feedback WHERE (about_unit_id IS NULL OR about_unit_id = ANY(?))
                ORDER BY (state = 'NEW') DESC, submitted_at DESC LIMIT 500""")
                .params(params).query((rs, n) -> map(rs, false)).list();
    }

    /** One report with name and contact; audited. */
    public SupervisionViews.Feedback get(long id, StaffUser user) {
        Long[] allowed = allowedUnits(user);
        SupervisionViews.Feedback f = jdbc.sql("SELECT * FROM supervision.feedback WHERE id = ?").param(id)
                .query((rs, n) -> map(rs, true)).optional()
                .filter(x -> x.aboutUnitId() == null || List.of(allowed).contains(x.aboutUnitId()))
                .orElseThrow(() -> new NotFoundException("supervision.feedback.notFound"));
        audit.record("supervision.feedback.read", "feedback", f.reference(), "");
        return f;
    }

    /** Closes a report with the finding (核查结论). */
    public SupervisionViews.Feedback close(long id, String conclusion, StaffUser user) {
        CaseFiles.Problems problems = new CaseFiles.Problems();
        String text = problems.text("conclusion", conclusion, 4000);
        problems.throwIfAny();
        SupervisionViews.Feedback f = get(id, user);
        if (!"NEW".equals(f.state())) {
            throw new RuleViolationException("supervision.feedback.closed");
        }
        jdbc.sql("UPDATE supervision.feedback SET state = 'CLOSED', conclusion = ?, closed_by_name = ?, closed_at = ? WHERE id = ?")
                .params(text, user.displayName(), Timestamp.from(cases.now()), id).update();
        audit.record("supervision.feedback.closed", "feedback", f.reference(), "");
        return get(id, user);
    }

    /**
     * The units whose reports this user may handle: a 督查员 of a petition bureau, for the units in their
     * scope. Anyone else is refused outright.
     */
    private Long[] allowedUnits(StaffUser user) {
        if (!user.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("not a supervisor");
        }
        Unit own = units.find(user.unitId()).orElseThrow();
        if (own.kind() != UnitKind.PETITION_BUREAU) {
            throw new AccessDeniedException("not of a petition bureau");
        }
        return units.visibleUnitIds(user).toArray(Long[]::new);
    }

    private SupervisionViews.Feedback map(ResultSet rs, boolean personal) throws SQLException {
        return new SupervisionViews.Feedback(rs.getLong("id"), rs.getString("reference"),
                personal ? cipher.decrypt(rs.getBytes("name_enc"), Field.NAME) : null,
                personal ? cipher.decrypt(rs.getBytes("contact_enc"), Field.OTHER) : null,
                (Long) rs.getObject("about_unit_id"), rs.getString("about_unit_name"), rs.getString("about_staff"),
                rs.getString("content"), Suggestions.at(rs.getTimestamp("submitted_at")), rs.getString("state"),
                rs.getString("conclusion"), rs.getString("closed_by_name"), Suggestions.at(rs.getTimestamp("closed_at")));
    }

    private static String reference() {
        StringBuilder b = new StringBuilder("YJ");
        for (int i = 0; i < 10; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
