package org.xinfang.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.intake.Registration;
import org.xinfang.notification.StaffNotices;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.people.Field;
import org.xinfang.people.InvalidPersonalDataException;
import org.xinfang.people.Masking;
import org.xinfang.people.PersonalDataCipher;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.people.PhoneNumber;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionScope;
import org.xinfang.petition.PetitionType;
import org.xinfang.reception.ReceptionViews.Appointment;
import org.xinfang.reception.ReceptionViews.Booked;
import org.xinfang.reception.ReceptionViews.Booking;
import org.xinfang.reception.ReceptionViews.FieldVisit;
import org.xinfang.reception.ReceptionViews.NewFieldVisit;
import org.xinfang.reception.ReceptionViews.NewRecord;
import org.xinfang.reception.ReceptionViews.NewSlot;
import org.xinfang.reception.ReceptionViews.PublicSlot;
import org.xinfang.reception.ReceptionViews.Record;
import org.xinfang.reception.ReceptionViews.Slot;
import org.xinfang.reception.ReceptionViews.SlotDetail;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RegionCode;
import org.xinfang.shared.RuleViolationException;

/**
 * 领导接访日: a unit publishes its leaders' reception days; citizens book a place on the portal and
 * clerks book for callers, never beyond the day's capacity (the slot row is locked while counting, so
 * two last-minute bookings on two nodes cannot both take the last place); a clerk records each reception
 * and links it to the petition it became (a new 来访 registered through intake) or continues. Also the
 * 带案下访 records. Names and phones are sealed (SM4-GCM) and shown masked unless the reader's role handles
 * personal data; staff see the days of units within their scope.
 */
@Service
public class Receptions {

    static final int MAX_TOPIC = 500;
    static final int MAX_TEXT = 4_000;

    private final JdbcClient jdbc;
    private final Units units;
    private final PersonalDataCipher cipher;
    private final Registration registration;
    private final PetitionScope scope;
    private final AuditLog audit;
    private final StaffNotices notices;
    private final Clock clock;

    Receptions(JdbcClient jdbc, Units units, PersonalDataCipher cipher, Registration registration, PetitionScope scope,
            AuditLog audit, StaffNotices notices, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.cipher = cipher;
        this.registration = registration;
        this.scope = scope;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ schedule

    /** Publishes a reception day organised by the user's unit. */
    @Transactional
    public long publish(NewSlot s, StaffUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        String leader = Fields.text(problems, "leaderName", s.leaderName(), true, 50);
        String post = Fields.text(problems, "leaderPost", s.leaderPost(), true, 50);
        Fields.require(problems, "heldOn", s.heldOn());
        if (s.heldOn() != null && s.heldOn().isBefore(today())) {
            problems.add(FieldProblem.of("heldOn", "reception.validation.past"));
        }
        Fields.require(problems, "startsAt", s.startsAt());
        Fields.require(problems, "endsAt", s.endsAt());
        if (s.startsAt() != null && s.endsAt() != null && !s.endsAt().isAfter(s.startsAt())) {
            problems.add(FieldProblem.of("endsAt", "reception.validation.endsBeforeStart"));
        }
        String place = Fields.text(problems, "place", s.place(), true, 200);
        String topics = Fields.text(problems, "topics", s.topics(), false, MAX_TOPIC);
        if (s.capacity() == null) {
            problems.add(FieldProblem.of("capacity", "validation.required"));
        } else if (s.capacity() < 1 || s.capacity() > 500) {
            problems.add(FieldProblem.of("capacity", "reception.validation.capacity", 1, 500));
        }
        Fields.check(problems);
        long id = jdbc.sql("""
                INSERT INTO reception.slot (leader_name, leader_post, held_on, starts_at, ends_at, place, topics, capacity,
                    unit_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(leader, post, s.heldOn(), s.startsAt(), s.endsAt(), place, topics == null ? "" : topics,
                        s.capacity(), user.unitId(), user.displayName(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("reception.published", "receptionSlot", Long.toString(id), leader + " " + s.heldOn());
        return id;
    }

    /** The reception days the user may manage, upcoming first, then the last 90 days. */
    @Transactional(readOnly = true)
    public List<Slot> schedule(StaffUser user) {
        return jdbc.sql(SLOT + " WHERE s.unit_id = ANY(?) AND s.held_on >= ? ORDER BY s.held_on >= ? DESC, "
                + "CASE WHEN s.held_on >= ? THEN s.held_on END, s.held_on DESC, s.starts_at")
                .params(visible(user), today().minusDays(90), today(), today()).query(this::slot).list();
    }

    /** Published, not cancelled, upcoming reception days, as the portal shows them. */
    @Transactional(readOnly = true)
    public List<PublicSlot> upcoming() {
        return jdbc.sql(SLOT + " WHERE s.published AND NOT s.cancelled AND s.held_on >= ? ORDER BY s.held_on, s.starts_at")
                .param(today()).query(this::slot).list().stream().filter(this::stillBookable).map(Receptions::publicView)
                .toList();
    }

    /** One upcoming reception day for the portal's booking form. */
    @Transactional(readOnly = true)
    public PublicSlot publicSlot(long id) {
        return jdbc.sql(SLOT + " WHERE s.id = ? AND s.published AND NOT s.cancelled").param(id).query(this::slot)
                .optional().filter(this::stillBookable).map(Receptions::publicView)
                .orElseThrow(() -> new NotFoundException("reception.slot.notFound"));
    }

    /** A reception day with its appointments and records; audited, masked by role. */
    @Transactional
    public SlotDetail detail(long id, StaffUser user) {
        Slot slot = slot(id, user);
        boolean full = mayReadPersonalData(user);
        audit.record("reception.read", "receptionSlot", Long.toString(id), full ? "with personal data" : "masked");
        List<Appointment> appointments = jdbc.sql("""
                SELECT number, name_enc, phone_enc, topic, source, status, booked_at FROM reception.appointment
                WHERE slot_id = ? ORDER BY id""").param(id).query((rs, n) -> {
                    String name = cipher.decrypt(rs.getBytes(2), Field.NAME);
                    String phone = cipher.decrypt(rs.getBytes(3), Field.PHONE);
                    String status = rs.getString(6);
                    return new Appointment(rs.getString(1), full ? name : Masking.name(name),
                            full ? phone : Masking.phone(phone), rs.getString(4), rs.getString(5), status,
                            statusLabel(status), at(rs.getTimestamp(7)), !full);
                }).list();
        List<Record> records = jdbc.sql("""
                SELECT id, visitor_enc, received_at, request, decision, petition_number, new_petition, recorded_by
                FROM reception.record WHERE slot_id = ? ORDER BY id""").param(id).query((rs, n) -> {
                    String visitor = cipher.decrypt(rs.getBytes(2), Field.NAME);
                    return new Record(rs.getLong(1), full ? visitor : Masking.name(visitor), at(rs.getTimestamp(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8));
                }).list();
        return new SlotDetail(slot, appointments, records);
    }

    // ------------------------------------------------------------------ appointments

    /** A citizen books a place from the portal (the portal applies its public limits first). */
    @Transactional
    public Booked bookOnline(long slotId, Booking b) {
        return book(slotId, b, "PORTAL", "网上预约");
    }

    /** A clerk books a place for a caller (by phone or at the counter). */
    @Transactional
    public Booked bookByClerk(long slotId, Booking b, StaffUser clerk) {
        slot(slotId, clerk);
        return book(slotId, b, "CLERK", clerk.displayName());
    }

    private Booked book(long slotId, Booking b, String source, String bookedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = Fields.text(problems, "name", b.name(), true, PetitionerDetails.MAX_NAME);
        String phone = null;
        if (b.phone() == null || b.phone().isBlank()) {
            problems.add(FieldProblem.of("phone", "validation.required"));
        } else {
            try {
                phone = PhoneNumber.parse(b.phone()).value();
            } catch (InvalidPersonalDataException e) {
                problems.add(FieldProblem.literal("phone", e.chineseMessage(), e.englishMessage()));
            }
        }
        String topic = Fields.text(problems, "topic", b.topic(), true, MAX_TOPIC);
        Fields.check(problems);
        // the lock serialises bookings of one day across nodes, so the capacity holds
        Slot slot = jdbc.sql(SLOT + " WHERE s.id = ? AND s.published AND NOT s.cancelled FOR UPDATE OF s").param(slotId)
                .query(this::slot).optional().orElseThrow(() -> new NotFoundException("reception.slot.notFound"));
        if (!stillBookable(slot)) {
            throw new RuleViolationException("reception.closed", slot.heldOn().toString());
        }
        if (slot.remaining() <= 0) {
            throw new RuleViolationException("reception.full", slot.heldOn().toString(), slot.leaderName());
        }
        byte[] phoneIndex = cipher.blindIndex(phone, Field.PHONE);
        boolean already = jdbc.sql("SELECT count(*) > 0 FROM reception.appointment WHERE slot_id = ? AND phone_index = ? "
                + "AND status <> 'CANCELLED'").params(slotId, phoneIndex).query(Boolean.class).single();
        if (already) {
            throw new RuleViolationException("reception.alreadyBooked");
        }
        LocalDate day = today();
        int seq = jdbc.sql("""
                INSERT INTO reception.number_counter (day, last) VALUES (?, 1)
                ON CONFLICT (day) DO UPDATE SET last = reception.number_counter.last + 1 RETURNING last""")
                .param(day).query(Integer.class).single();
        String number = "JF%s-%04d".formatted(day.toString().replace("-", ""), seq);
        try {
            jdbc.sql("""
                    INSERT INTO reception.appointment (number, slot_id, name_enc, phone_enc, phone_index, topic, source, status,
                        booked_at, booked_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?)""")
                    .params(number, slotId, cipher.encrypt(name, Field.NAME), cipher.encrypt(phone, Field.PHONE),
                            phoneIndex, topic, source, Timestamp.from(clock.instant()), bookedBy).update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("reception.alreadyBooked");
        }
        audit.record("reception.booked", "receptionSlot", Long.toString(slotId), number + " via " + source);
        // the organising unit's clerks prepare the day; the notice names the booking, never the citizen
        long unitId = jdbc.sql("SELECT unit_id FROM reception.slot WHERE id = ?").param(slotId).query(Long.class).single();
        notices.notifyUnit(unitId, Role.CLERK, "新的接访预约 " + number + "：" + slot.heldOn() + " " + slot.leaderPost()
                + slot.leaderName() + "接访（已约 " + (slot.booked() + 1) + "/" + slot.capacity() + "）",
                "/reception/slots/" + slotId);
        Slot after = new Slot(slot.id(), slot.leaderName(), slot.leaderPost(), slot.heldOn(), slot.startsAt(),
                slot.endsAt(), slot.place(), slot.topics(), slot.capacity(), slot.booked() + 1, slot.unitName(),
                slot.cancelled());
        return new Booked(number, publicView(after));
    }

    // ------------------------------------------------------------------ records

    /**
     * Records a reception on the day: who was received, what they asked, what the leader decided, and the
     * petition it belongs to — an existing one the clerk may see, or a new 来访 registered now through
     * intake. Marks the appointment, if any, as received. Retrying with the same {@code key} registers
     * the petition once.
     *
     * @return the number of the linked petition
     */
    @Transactional
    public String record(long slotId, NewRecord r, String key, StaffUser clerk) {
        if (!clerk.has(Role.CLERK)) {
            throw new AccessDeniedException("recording a reception registers a visit: a clerk's step");
        }
        Slot slot = slot(slotId, clerk);
        String requestKey = key == null || key.isBlank() ? null : key.strip();
        if (requestKey != null) {
            // a retry of a reception already recorded (lost answer, double click): the same petition again
            String recorded = jdbc.sql("SELECT petition_number FROM reception.record WHERE slot_id = ? AND request_key = ?")
                    .params(slotId, requestKey).query(String.class).optional().orElse(null);
            if (recorded != null) {
                return recorded;
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        Long appointmentId = null;
        String appointmentNumber = r.appointmentNumber() == null || r.appointmentNumber().isBlank() ? null
                : r.appointmentNumber().strip();
        if (appointmentNumber != null) {
            appointmentId = jdbc.sql("SELECT id FROM reception.appointment WHERE number = ? AND slot_id = ? AND status = 'BOOKED'")
                    .params(appointmentNumber, slotId).query(Long.class).optional().orElse(null);
            if (appointmentId == null) {
                problems.add(FieldProblem.of("appointmentNumber", "reception.validation.appointment"));
            }
        }
        String visitor = Fields.text(problems, "visitorName", r.visitorName(), true, PetitionerDetails.MAX_NAME);
        String request = Fields.text(problems, "request", r.request(), true, MAX_TEXT);
        String decision = Fields.text(problems, "decision", r.decision(), true, MAX_TEXT);
        String existing = r.existingPetitionNumber() == null || r.existingPetitionNumber().isBlank() ? null
                : r.existingPetitionNumber().strip();
        java.util.UUID petitionId = null;
        if (existing != null) {
            petitionId = visiblePetition(existing, clerk);
            if (petitionId == null) {
                problems.add(FieldProblem.of("existingPetitionNumber", "reception.validation.petition"));
            }
        }
        Fields.check(problems);
        String petitionNumber = existing;
        if (existing == null) {
            List<FieldProblem> more = new ArrayList<>();
            PetitionType type = Fields.choice(more, "type", r.type(), PetitionType.class, true);
            Fields.check(more);
            String title = r.title() == null || r.title().isBlank() ? "领导接访：" + abbreviate(request, 40) : r.title();
            String content = request + "\n\n" + slot.leaderPost() + slot.leaderName() + "于" + slot.heldOn()
                    + "接访，意见：" + decision;
            Registration.Submitted submitted = registration.byClerk(new Registration.Request(Channel.VISIT, null,
                    new PetitionerDetails(r.visitorName(), r.visitorIdCardNumber(), r.visitorPhone(), r.visitorAddress()),
                    List.of(), null, type, r.category() == null || r.category().isBlank() ? null : r.category(),
                    r.regionCode(), title, content, false, false,
                    Map.of("leaderReception", slot.leaderPost() + slot.leaderName() + " " + slot.heldOn())),
                    requestKey == null ? null : "reception-" + slotId + "-" + requestKey, clerk);
            petitionId = submitted.receipt().id();
            petitionNumber = submitted.receipt().number();
        }
        jdbc.sql("""
                INSERT INTO reception.record (slot_id, appointment_id, visitor_enc, received_at, request, decision, petition_id,
                    petition_number, new_petition, recorded_by, recorded_at, request_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(slotId, appointmentId, cipher.encrypt(visitor, Field.NAME), Timestamp.from(clock.instant()),
                        request, decision, petitionId, petitionNumber, existing == null, clerk.displayName(),
                        Timestamp.from(clock.instant()), requestKey)
                .update();
        if (appointmentId != null) {
            jdbc.sql("UPDATE reception.appointment SET status = 'RECEIVED' WHERE id = ?").param(appointmentId).update();
        }
        audit.record("reception.recorded", "petition", petitionNumber, "reception day " + slotId);
        return petitionNumber;
    }

    // ------------------------------------------------------------------ 带案下访

    /** Records a 带案下访; every case named must be a petition the user may see. */
    @Transactional
    public long recordFieldVisit(NewFieldVisit v, StaffUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        String leader = Fields.text(problems, "leaderName", v.leaderName(), true, 50);
        String post = Fields.text(problems, "leaderPost", v.leaderPost(), true, 50);
        Fields.require(problems, "visitedOn", v.visitedOn());
        if (v.visitedOn() != null && v.visitedOn().isAfter(today())) {
            problems.add(FieldProblem.of("visitedOn", "reception.validation.future"));
        }
        String region = v.regionCode() == null ? "" : v.regionCode().strip();
        if (!RegionCode.isWellFormed(region) || units.territory(region).isEmpty()) {
            problems.add(FieldProblem.of("regionCode", "validation.regionCode.unknown"));
        }
        String place = Fields.text(problems, "place", v.place(), true, 200);
        Set<String> numbers = new LinkedHashSet<>();
        for (String n : v.petitionNumbers() == null ? List.<String>of() : v.petitionNumbers()) {
            if (n != null && !n.isBlank()) {
                numbers.add(n.strip());
            }
        }
        if (numbers.isEmpty()) {
            problems.add(FieldProblem.of("petitionNumbers", "reception.validation.cases"));
        } else {
            List<String> unknown = numbers.stream().filter(n -> visiblePetition(n, user) == null).toList();
            if (!unknown.isEmpty()) {
                problems.add(FieldProblem.of("petitionNumbers", "reception.validation.unknownCases", String.join("、", unknown)));
            }
        }
        String outcome = Fields.text(problems, "outcome", v.outcome(), true, MAX_TEXT);
        Fields.check(problems);
        long id = jdbc.sql("""
                INSERT INTO reception.field_visit (leader_name, leader_post, visited_on, region_code, place, petition_numbers,
                    outcome, unit_id, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(leader, post, v.visitedOn(), region, place, numbers.toArray(String[]::new), outcome, user.unitId(),
                        user.displayName(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("reception.fieldVisit", "fieldVisit", Long.toString(id), String.join(",", numbers));
        return id;
    }

    /** The 带案下访 records of units within the user's scope, newest first. */
    @Transactional(readOnly = true)
    public List<FieldVisit> fieldVisits(StaffUser user) {
        return jdbc.sql("SELECT * FROM reception.field_visit WHERE unit_id = ANY(?) ORDER BY visited_on DESC, id DESC LIMIT 200")
                .param(visible(user)).query((rs, n) -> new FieldVisit(rs.getLong("id"), rs.getString("leader_name"),
                        rs.getString("leader_post"), rs.getObject("visited_on", LocalDate.class),
                        units.territory(rs.getString("region_code")).map(Unit::name).orElse(rs.getString("region_code")),
                        rs.getString("place"), Arrays.asList((String[]) rs.getArray("petition_numbers").getArray()),
                        rs.getString("outcome"), rs.getString("recorded_by"))).list();
    }

    // ------------------------------------------------------------------ pieces

    private java.util.UUID visiblePetition(String number, StaffUser user) {
        List<Object> params = new ArrayList<>();
        params.add(number);
        params.addAll(Arrays.asList(scope.parameters(user)));
        return jdbc.sql("SELECT p.id FROM petition.petition p WHERE p.number = ? AND " + PetitionScope.CONDITION)
                .params(params).query(java.util.UUID.class).optional().orElse(null);
    }

    static boolean mayReadPersonalData(StaffUser user) {
        return user.hasAny(Role.CLERK, Role.HANDLER, Role.APPROVER);
    }

    private static final String SLOT = """
            SELECT s.*, (SELECT count(*) FROM reception.appointment a WHERE a.slot_id = s.id AND a.status <> 'CANCELLED') AS booked
            FROM reception.slot s""";

    private Slot slot(ResultSet rs, int n) throws SQLException {
        return new Slot(rs.getLong("id"), rs.getString("leader_name"), rs.getString("leader_post"),
                rs.getObject("held_on", LocalDate.class), rs.getObject("starts_at", LocalTime.class),
                rs.getObject("ends_at", LocalTime.class), rs.getString("place"), rs.getString("topics"),
                rs.getInt("capacity"), rs.getInt("booked"), units.find(rs.getLong("unit_id")).map(Unit::name).orElse(""),
                rs.getBoolean("cancelled"));
    }

    /** The slot if the user's scope reaches its unit; otherwise it does not exist for them. */
    Slot slot(long id, StaffUser user) {
        return jdbc.sql(SLOT + " WHERE s.id = ? AND s.unit_id = ANY(?)").params(id, visible(user)).query(this::slot)
                .optional().orElseThrow(() -> new NotFoundException("reception.slot.notFound"));
    }

    /** Bookable until the reception begins. */
    private boolean stillBookable(Slot s) {
        return LocalDateTime.of(s.heldOn(), s.startsAt()).isAfter(LocalDateTime.now(clock.withZone(ChinaTime.ZONE)));
    }

    private static PublicSlot publicView(Slot s) {
        return new PublicSlot(s.id(), s.leaderName(), s.leaderPost(), s.heldOn(), s.startsAt(), s.endsAt(), s.place(),
                s.topics(), s.remaining());
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "BOOKED" -> "已预约";
            case "RECEIVED" -> "已接待";
            default -> "已取消";
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    private Long[] visible(StaffUser user) {
        return units.visibleUnitIds(user).toArray(Long[]::new);
    }

    private static java.time.OffsetDateTime at(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(ChinaTime.ZONE).toOffsetDateTime();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
