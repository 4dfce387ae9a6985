package org.xinfang.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.campaign.DisputeViews.Conversion;
import org.xinfang.campaign.DisputeViews.Detail;
import org.xinfang.campaign.DisputeViews.NewDispute;
import org.xinfang.campaign.DisputeViews.Party;
import org.xinfang.campaign.DisputeViews.Progress;
import org.xinfang.campaign.DisputeViews.Risk;
import org.xinfang.campaign.DisputeViews.Row;
import org.xinfang.campaign.DisputeViews.Screening;
import org.xinfang.campaign.DisputeViews.Status;
import org.xinfang.intake.Registration;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.people.Field;
import org.xinfang.people.Masking;
import org.xinfang.people.PersonalDataCipher;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.petition.Categories;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionType;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RegionCode;
import org.xinfang.shared.RuleViolationException;

/**
 * 矛盾纠纷排查化解: the register of disputes found by regular and concentrated screening ("小事不出村、
 * 大事不出乡、矛盾不上交"). Parties' personal data is sealed with SM4-GCM and shown masked unless the
 * reader's role handles personal data. A dispute is visible to users whose scope reaches its owner unit,
 * its territory or the unit that recorded it. A dispute that becomes a petition is registered through
 * intake and the two are linked.
 */
@Service
public class Disputes {

    static final int MAX_PARTIES = 20;
    static final int MAX_DESCRIPTION = 10_000;

    private final JdbcClient jdbc;
    private final Units units;
    private final Categories categories;
    private final PersonalDataCipher cipher;
    private final Registration registration;
    private final AuditLog audit;
    private final Clock clock;

    Disputes(JdbcClient jdbc, Units units, Categories categories, PersonalDataCipher cipher, Registration registration,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.categories = categories;
        this.cipher = cipher;
        this.registration = registration;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a dispute; the owner unit must lie within the recorder's scope. Returns its number (MD2026-00001). */
    @Transactional
    public String record(NewDispute d, StaffUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        Screening screening = Fields.choice(problems, "screening", d.screening(), Screening.class, true);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        Fields.require(problems, "foundOn", d.foundOn());
        if (d.foundOn() != null && d.foundOn().isAfter(today)) {
            problems.add(FieldProblem.of("foundOn", "campaign.validation.future"));
        }
        String foundBy = Fields.text(problems, "foundBy", d.foundBy(), true, 100);
        String region = d.regionCode() == null ? "" : d.regionCode().strip();
        Unit territory = null;
        if (!RegionCode.isWellFormed(region)) {
            problems.add(FieldProblem.of("regionCode", "validation.regionCode.format"));
        } else {
            territory = units.territory(region).orElse(null);
            if (territory == null) {
                problems.add(FieldProblem.of("regionCode", "validation.regionCode.unknown"));
            }
        }
        String place = Fields.text(problems, "place", d.place(), false, 200);
        String category = Fields.text(problems, "category", d.category(), false, 50);
        if (category != null && categories.byName(category).isEmpty()) {
            problems.add(FieldProblem.of("category", "campaign.validation.category"));
        }
        String description = Fields.text(problems, "description", d.description(), true, MAX_DESCRIPTION);
        Risk risk = Fields.choice(problems, "risk", d.risk(), Risk.class, true);
        if (d.ownerUnitId() == null) {
            problems.add(FieldProblem.of("ownerUnitId", "validation.required"));
        } else if (units.find(d.ownerUnitId()).isEmpty() || !units.canSee(user, d.ownerUnitId())) {
            problems.add(FieldProblem.of("ownerUnitId", "campaign.validation.ownerOutOfScope"));
        }
        String owner = Fields.text(problems, "ownerPerson", d.ownerPerson(), true, 50);
        List<PetitionerDetails> parties = parties(problems, d.parties());
        Fields.check(problems);
        int year = today.getYear();
        int seq = jdbc.sql("""
                INSERT INTO campaign.dispute_counter (year, last) VALUES (?, 1)
                ON CONFLICT (year) DO UPDATE SET last = campaign.dispute_counter.last + 1 RETURNING last""")
                .param(year).query(Integer.class).single();
        String number = "MD%d-%05d".formatted(year, seq);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                INSERT INTO campaign.dispute (number, screening, found_on, found_by, region_code, territory_unit_id, place,
                    category, description, risk, owner_unit_id, owner_person, status, recorded_unit_id, recorded_by,
                    recorded_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) RETURNING id""")
                .params(number, screening.name(), d.foundOn(), foundBy, region, territory.id(), place == null ? "" : place,
                        category, description, risk.name(), d.ownerUnitId(), owner, user.unitId(), user.displayName(),
                        now, now)
                .query(Long.class).single();
        for (int i = 0; i < parties.size(); i++) {
            PetitionerDetails p = parties.get(i);
            jdbc.sql("INSERT INTO campaign.dispute_party (dispute_id, position, name_enc, phone_enc, id_card_enc) "
                    + "VALUES (?, ?, ?, ?, ?)")
                    .params(id, i, cipher.encrypt(p.name(), Field.NAME), cipher.encrypt(p.phone(), Field.PHONE),
                            cipher.encrypt(p.idCardNumber(), Field.ID_CARD))
                    .update();
        }
        audit.record("dispute.recorded", "dispute", number, risk.name());
        return number;
    }

    private static List<PetitionerDetails> parties(List<FieldProblem> problems, List<Party> given) {
        List<PetitionerDetails> parties = new ArrayList<>();
        List<Party> list = given == null ? List.of() : given.stream()
                .filter(p -> p != null && !(blank(p.name()) && blank(p.phone()) && blank(p.idCardNumber()))).toList();
        if (list.isEmpty()) {
            problems.add(FieldProblem.of("parties", "campaign.validation.parties"));
        }
        if (list.size() > MAX_PARTIES) {
            problems.add(FieldProblem.of("parties", "campaign.validation.tooManyParties", MAX_PARTIES));
        }
        for (int i = 0; i < list.size() && i < MAX_PARTIES; i++) {
            Party p = list.get(i);
            try {
                parties.add(new PetitionerDetails(p.name(), p.idCardNumber(), p.phone(), null)
                        .validated("parties[" + i + "].", false));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        return parties;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The register within the user's scope, highest risk and newest first; optionally one status. */
    @Transactional(readOnly = true)
    public List<Row> list(String status, StaffUser user) {
        Status only = null;
        if (status != null && !status.isBlank()) {
            try {
                only = Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "campaign.validation.choice");
            }
        }
        return jdbc.sql("SELECT * FROM campaign.dispute d WHERE " + SCOPE + (only == null ? "" : " AND d.status = ?")
                + " ORDER BY CASE d.risk WHEN 'MAJOR' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END, "
                + "d.found_on DESC, d.id DESC LIMIT 500")
                .params(only == null ? List.of(visible(user), visible(user), visible(user))
                        : List.of(visible(user), visible(user), visible(user), only.name()))
                .query(this::row).list();
    }

    /** One dispute in full; audited, parties masked unless the user's role handles personal data. */
    @Transactional
    public Detail detail(String number, StaffUser user) {
        DisputeRow d = find(number, user);
        boolean full = mayReadPersonalData(user);
        audit.record("dispute.read", "dispute", number, full ? "detail with personal data" : "detail");
        List<Party> parties = jdbc.sql("SELECT name_enc, phone_enc, id_card_enc FROM campaign.dispute_party "
                + "WHERE dispute_id = ? ORDER BY position").param(d.id()).query((rs, n) -> {
                    String name = cipher.decrypt(rs.getBytes(1), Field.NAME);
                    String phone = cipher.decrypt(rs.getBytes(2), Field.PHONE);
                    String idCard = cipher.decrypt(rs.getBytes(3), Field.ID_CARD);
                    return full ? new Party(name, phone, idCard)
                            : new Party(Masking.name(name), Masking.phone(phone), Masking.idCard(idCard));
                }).list();
        return d.detail(parties, !full, units);
    }

    /** Records work on a dispute: resolving, or resolved with what was done. */
    @Transactional
    public void progress(String number, Progress p, StaffUser user) {
        DisputeRow d = find(number, user);
        if (d.status() == Status.CONVERTED || d.status() == Status.RESOLVED) {
            throw new RuleViolationException("dispute.closed", number, d.status().label());
        }
        List<FieldProblem> problems = new ArrayList<>();
        Status status = Fields.choice(problems, "status", p.status(), Status.class, true);
        if (status == Status.CONVERTED || status == Status.OPEN) {
            problems.add(FieldProblem.of("status", "campaign.validation.choice"));
        }
        String resolution = Fields.text(problems, "resolution", p.resolution(), status == Status.RESOLVED, 4_000);
        Fields.check(problems);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        jdbc.sql("UPDATE campaign.dispute SET status = ?, resolution = ?, resolved_on = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), resolution, status == Status.RESOLVED ? today : null,
                        Timestamp.from(clock.instant()), d.id()).update();
        audit.record("dispute.progress", "dispute", number, status.name());
    }

    /**
     * The dispute has become a petition: registers it through intake as the clerk (the chosen party as
     * petitioner, the dispute's description as content) and links both ways. Retrying gives the same
     * petition (the dispute number is the idempotency key).
     *
     * @return the new petition's number
     */
    @Transactional
    public String convert(String number, Conversion c, StaffUser clerk) {
        if (!clerk.has(Role.CLERK)) {
            throw new org.springframework.security.access.AccessDeniedException("registration is a clerk's step");
        }
        DisputeRow d = find(number, clerk);
        if (d.status() == Status.CONVERTED) {
            throw new RuleViolationException("dispute.alreadyConverted", number, d.petitionNumber());
        }
        if (d.status() == Status.RESOLVED) {
            throw new RuleViolationException("dispute.closed", number, d.status().label());
        }
        List<FieldProblem> problems = new ArrayList<>();
        Channel channel = Fields.choice(problems, "channel", c.channel(), Channel.class, true);
        PetitionType type = Fields.choice(problems, "type", c.type(), PetitionType.class, true);
        String title = Fields.text(problems, "title", c.title(), true, Registration.MAX_TITLE);
        List<PetitionerDetails> parties = jdbc.sql("SELECT name_enc, phone_enc, id_card_enc FROM campaign.dispute_party "
                + "WHERE dispute_id = ? ORDER BY position").param(d.id())
                .query((rs, n) -> new PetitionerDetails(cipher.decrypt(rs.getBytes(1), Field.NAME), cipher.decrypt(
                        rs.getBytes(3), Field.ID_CARD), cipher.decrypt(rs.getBytes(2), Field.PHONE), null)).list();
        if (c.partyIndex() < 0 || c.partyIndex() >= parties.size()) {
            problems.add(FieldProblem.of("partyIndex", "campaign.validation.choice"));
        }
        Fields.check(problems);
        String content = d.description() + "\n\n（由矛盾纠纷排查登记 " + number + " 转为信访事项；发现于 " + d.foundOn()
                + (d.place().isEmpty() ? "" : "，" + d.place()) + "。）";
        Registration.Submitted submitted = registration.byClerk(new Registration.Request(channel, null,
                parties.get(c.partyIndex()), List.of(), null, type, d.category(), d.regionCode(), title, content, false,
                d.risk() == Risk.MAJOR, Map.of("dispute", number)), "dispute-" + number, clerk);
        jdbc.sql("""
                UPDATE campaign.dispute SET status = 'CONVERTED', petition_id = ?, petition_number = ?, updated_at = ?
                WHERE id = ?""").params(submitted.receipt().id(), submitted.receipt().number(),
                Timestamp.from(clock.instant()), d.id()).update();
        audit.record("dispute.converted", "dispute", number, submitted.receipt().number());
        return submitted.receipt().number();
    }

    /** Roles that work with petitioners' personal data see parties unmasked (as on the case page). */
    static boolean mayReadPersonalData(StaffUser user) {
        return user.hasAny(Role.CLERK, Role.HANDLER, Role.APPROVER);
    }

    // ------------------------------------------------------------------ reading

    private static final String SCOPE =
            "(d.owner_unit_id = ANY(?) OR d.territory_unit_id = ANY(?) OR d.recorded_unit_id = ANY(?))";

    private DisputeRow find(String number, StaffUser user) {
        Long[] visible = visible(user);
        return jdbc.sql("SELECT * FROM campaign.dispute d WHERE d.number = ? AND " + SCOPE)
                .params(number, visible, visible, visible).query(DisputeRow::map).optional()
                .orElseThrow(() -> new NotFoundException("dispute.notFound"));
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        DisputeRow d = DisputeRow.map(rs, n);
        String summary = d.description().length() > 60 ? d.description().substring(0, 60) + "…" : d.description();
        return new Row(d.number(), d.foundOn(), d.screening().label(), placeOf(d), d.risk().name(), d.risk().label(),
                unitName(d.ownerUnitId()), d.ownerPerson(), d.status().name(), d.status().label(), summary,
                d.petitionNumber());
    }

    private String placeOf(DisputeRow d) {
        String territory = units.find(d.territoryUnitId()).map(Unit::name).orElse(d.regionCode());
        return d.place().isEmpty() ? territory : territory + " " + d.place();
    }

    private String unitName(long id) {
        return units.find(id).map(Unit::name).orElse("");
    }

    private Long[] visible(StaffUser user) {
        return units.visibleUnitIds(user).toArray(Long[]::new);
    }

    /** A stored dispute. */
    private record DisputeRow(long id, String number, Screening screening, LocalDate foundOn, String foundBy,
            String regionCode, long territoryUnitId, String place, String category, String description, Risk risk,
            long ownerUnitId, String ownerPerson, Status status, String resolution, LocalDate resolvedOn,
            String petitionNumber, String recordedBy, Timestamp recordedAt) {

        static DisputeRow map(ResultSet rs, int n) throws SQLException {
            return new DisputeRow(rs.getLong("id"), rs.getString("number"), Screening.valueOf(rs.getString("screening")),
                    rs.getObject("found_on", LocalDate.class), rs.getString("found_by"), rs.getString("region_code"),
                    rs.getLong("territory_unit_id"), rs.getString("place"), rs.getString("category"),
                    rs.getString("description"), Risk.valueOf(rs.getString("risk")), rs.getLong("owner_unit_id"),
                    rs.getString("owner_person"), Status.valueOf(rs.getString("status")), rs.getString("resolution"),
                    rs.getObject("resolved_on", LocalDate.class), rs.getString("petition_number"),
                    rs.getString("recorded_by"), rs.getTimestamp("recorded_at"));
        }

        Detail detail(List<Party> parties, boolean masked, Units units) {
            return new Detail(number, screening.name(), screening.label(), foundOn, foundBy, regionCode,
                    units.find(territoryUnitId).map(Unit::name).orElse(regionCode), place, category, description,
                    risk.name(), risk.label(), ownerUnitId, units.find(ownerUnitId).map(Unit::name).orElse(""),
                    ownerPerson, status.name(), status.label(), resolution, resolvedOn, petitionNumber, parties, masked,
                    recordedBy, recordedAt.toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime());
        }
    }
}
