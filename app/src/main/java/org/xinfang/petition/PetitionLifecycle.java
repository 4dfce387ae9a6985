package org.xinfang.petition;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.deadline.ClockView;
import org.xinfang.deadline.Clocks;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.people.Field;
import org.xinfang.people.PersonalDataCipher;
import org.xinfang.routing.RouteMode;
import org.xinfang.routing.RoutingCase;
import org.xinfang.routing.RoutingPolicies;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;
import org.xinfang.shared.RuleViolationException;

/**
 * The lawful steps of a petition, one method each. Every step loads the aggregate under a row lock,
 * lets it check the rules, moves the statutory clocks, saves, audits and publishes the events — all
 * in one transaction, so a step happens completely or not at all.
 */
@Service
public class PetitionLifecycle {

    /** What the petitioner is told at once: the 信访件编号 and the 查询码. */
    public record Receipt(UUID id, String number, String queryCode, Instant receivedAt, PetitionStatus status) {
    }

    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final double SAME_MATTER_SIMILARITY = 0.4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final PetitionStore store;
    private final PetitionVisibility visibility;
    private final Units units;
    private final RoutingPolicies routing;
    private final Clocks clocks;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PetitionLifecycle(PetitionStore store, PetitionVisibility visibility, Units units, RoutingPolicies routing, Clocks clocks,
            PersonalDataCipher cipher, AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.visibility = visibility;
        this.units = units;
        this.routing = routing;
        this.clocks = clocks;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ registration

    /**
     * 登记: gives the petition its number and query code and decides at once whether it repeats an open
     * petition of the same person (重复信访, linked, not handled twice), repeats a matter concluded by
     * 复核 (不再受理), skips a level (越级) or is the person's first (初信初访).
     */
    @Transactional
    public Receipt register(NewPetition in) {
        Instant now = clock.instant();
        if (in.receivedAt().isAfter(now)) {
            throw new InvalidInputException("receivedAt", "validation.receivedAt.future");
        }
        Unit receiving = units.find(in.receivingUnitId()).orElseThrow();
        Unit territory = units.territoryOf(receiving);
        String day = in.receivedAt().atZone(ChinaTime.ZONE).format(DAY);

        // what needs no number comes first: the day's counter row stays locked from nextNumber to the commit,
        // so every registration of the territory and day waits for the one before it in that stretch only. Two
        // registrations of one person still see each other here: Petitioners.register locked the person's row.
        List<EarlierMatter> earlier = earlierMatters(in);
        String code = queryCode();
        byte[] codeEnc = cipher.encrypt(code, Field.OTHER);

        Petition p = new Petition();
        p.id = UUID.randomUUID();
        p.number = store.nextNumber(territory.regionCode(), day);
        p.channel = in.channel();
        p.type = in.type();
        p.category = in.category();
        p.regionCode = in.regionCode();
        p.title = in.title();
        p.content = in.content();
        p.petitionerId = in.petitionerId();
        p.headcount = in.headcount();
        p.receivedAt = in.receivedAt();
        p.registeredAt = now;
        p.registeredBy = in.registeredBy();
        p.receivingUnitId = receiving.id();
        p.currentUnitId = receiving.id();
        p.publicAllowed = in.publicAllowed();
        p.urgent = in.urgent();
        p.confidential = in.type() == PetitionType.ACCUSATION;
        p.status = PetitionStatus.REGISTERED;

        p.firstTime = earlier.isEmpty();
        Optional<EarlierMatter> sameOpen = earlier.stream().filter(e -> e.sameMatter && e.status.isOpen()).findFirst();
        Optional<EarlierMatter> sameFinal = earlier.stream()
                .filter(e -> e.sameMatter && e.status == PetitionStatus.FINAL).findFirst();
        String note = in.channel().label() + "登记";
        if (sameOpen.isPresent()) {
            EarlierMatter open = sameOpen.get();
            p.repeatOf = open.id;
            p.status = PetitionStatus.DUPLICATE;
            Unit holder = units.find(open.currentUnitId).orElseThrow();
            p.skipLevel = holder.level().ordinal() > receiving.level().ordinal();
            note = "重复信访：与信访件" + open.number + "为同一信访人的同一事项，并入该件办理"
                    + (p.skipLevel ? "（越级）" : "");
        } else if (sameFinal.isPresent()) {
            p.repeatOf = sameFinal.get().id;
            p.status = PetitionStatus.NOT_RE_ACCEPTED;
            p.closedAt = now;
            note = "同一事实和理由已经复核终结（信访件" + sameFinal.get().number + "），依法不再受理";
        }
        p.recordAs(now, "REGISTERED", in.registeredBy(), receiving.id(), note, true);

        // the new petition's only running clock gives its next due date, stored with the row: a second write of
        // the row (refreshNextDue) would update every index of petition.petition again, both trigram GINs included
        LocalDate nextDue = null;
        if (p.status == PetitionStatus.REGISTERED) {
            nextDue = clocks.start(p.id, p.number, StatutoryPeriod.ROUTE, p.receivedAt, receiving.id()).dueDate();
        }
        store.insert(p, codeEnc, in.representativeIds().toArray(UUID[]::new),
                in.channelDetailsJson(), now, nextDue);
        if (p.repeatOf != null && p.status == PetitionStatus.DUPLICATE) {
            Petition original = store.loadForUpdate(p.repeatOf).orElseThrow();
            original.repeatCount++;
            original.recordAs(now, "REPEAT_RECEIVED", in.registeredBy(), receiving.id(), "收到重复信访件" + p.number
                    + (p.skipLevel ? "（越级）" : ""), false);
            store.save(original, now);
            store.grantAccess(original.id, receiving.id());
        }
        audit.record("petition.registered", "petition", p.number, in.channel().name() + " " + p.status.name());
        events.publishEvent(new PetitionEvent.Registered(p.id, p.number, p.channel, p.type, p.regionCode, receiving.id(),
                p.status, p.firstTime, p.skipLevel, p.repeatOf, p.receivedAt, p.title, p.content, p.category));
        return new Receipt(p.id, p.number, code, p.receivedAt, p.status);
    }

    private record EarlierMatter(UUID id, String number, PetitionStatus status, long currentUnitId, boolean sameMatter) {
    }

    private List<EarlierMatter> earlierMatters(NewPetition in) {
        String text = in.title() + " " + in.content();
        return jdbc.sql("""
                SELECT id, number, status, current_unit_id,
                       greatest(similarity(title, ?), similarity(title || ' ' || content, ?)) AS score
                FROM petition.petition WHERE petitioner_id = ? AND status <> 'DUPLICATE'
                ORDER BY received_at DESC LIMIT 50""")
                .params(in.title(), text, in.petitionerId())
                .query((rs, n) -> new EarlierMatter(rs.getObject(1, UUID.class), rs.getString(2),
                        PetitionStatus.valueOf(rs.getString(3)), rs.getLong(4),
                        rs.getDouble(5) >= SAME_MATTER_SIMILARITY))
                .list();
    }

    private String queryCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length()));
        }
        return new String(code);
    }

    // ------------------------------------------------------------------ staff steps

    /** 转送 / 交办 (with a feedback date) / 诉访分离 / 转纪检监察. */
    @Transactional
    public void route(String number, RouteMode mode, long toUnitId, LocalDate feedbackDueDate, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        Unit target = units.find(toUnitId).orElseThrow(() -> new InvalidInputException("unitId", "validation.unit.unknown"));
        routing.check(new RoutingCase(p.type == PetitionType.ACCUSATION, p.regionCode, p.currentUnitId, mode, target));
        if (mode == RouteMode.ASSIGN && feedbackDueDate != null
                && !feedbackDueDate.isAfter(now.atZone(ChinaTime.ZONE).toLocalDate())) {
            throw new InvalidInputException("feedbackDueAt", "validation.feedbackDue.past");
        }
        p.route(mode, target.id(), target.name(), by, now);
        store.save(p, now);
        clocks.stop(p.id, StatutoryPeriod.ROUTE, now);
        if (mode != RouteMode.GUIDE_TO_LEGAL_CHANNEL) {
            clocks.start(p.id, p.number, StatutoryPeriod.ACKNOWLEDGE, now, target.id());
            clocks.start(p.id, p.number, StatutoryPeriod.MISROUTE_OBJECTION, now, target.id());
        }
        if (mode == RouteMode.ASSIGN) {
            if (feedbackDueDate != null) {
                clocks.startWithDueDate(p.id, p.number, StatutoryPeriod.ASSIGNMENT_FEEDBACK, now, feedbackDueDate, target.id());
            } else {
                clocks.start(p.id, p.number, StatutoryPeriod.ASSIGNMENT_FEEDBACK, now, target.id());
            }
        }
        done(p, "petition.routed", mode.name() + " -> " + target.code());
    }

    /** 受理 by the handling unit, optionally on the simplified track (简易办理, first-time matters only). */
    @Transactional
    public void accept(String number, boolean simplified, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        p.accept(simplified, by, now);
        store.save(p, now);
        clocks.stop(p.id, StatutoryPeriod.ACKNOWLEDGE, now);
        clocks.cancel(p.id, StatutoryPeriod.MISROUTE_OBJECTION, now);
        clocks.start(p.id, p.number, simplified ? StatutoryPeriod.SIMPLIFIED : StatutoryPeriod.HANDLE, now, p.currentUnitId);
        done(p, "petition.accepted", simplified ? "simplified" : "");
    }

    /** 不予受理 proposed with a lawful ground; the unit head approves. */
    @Transactional
    public void decline(String number, DeclineGround ground, String note, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        p.proposeDecline(ground, note, by, now);
        store.save(p, now);
        done(p, "petition.declineProposed", ground.name());
    }

    /** 退回: the unit objects within 5 working days that the matter is not its remit. */
    @Transactional
    public void returnAsMisrouted(String number, String reason, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        boolean inTime = clocks.of(p.id).stream()
                .anyMatch(c -> c.period() == StatutoryPeriod.MISROUTE_OBJECTION && c.state() == ClockView.State.RUNNING);
        p.returnAsMisrouted(reason, inTime, by, now);
        store.save(p, now);
        clocks.stop(p.id, StatutoryPeriod.MISROUTE_OBJECTION, now);
        clocks.cancel(p.id, StatutoryPeriod.ACKNOWLEDGE, now);
        clocks.cancel(p.id, StatutoryPeriod.ASSIGNMENT_FEEDBACK, now);
        clocks.start(p.id, p.number, StatutoryPeriod.ROUTE, now, p.currentUnitId);
        done(p, "petition.returned", reason);
    }

    /** 延期 requested (≤30 days, once); the unit head approves. */
    @Transactional
    public void extend(String number, int days, String reason, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        requireHandlingPeriodRunning(p);
        p.proposeExtension(days, reason, by, now);
        store.save(p, now);
        done(p, "petition.extensionProposed", days + " days");
    }

    /** 答复意见 drafted; the unit head approves before it is issued. */
    @Transactional
    public void reply(String number, Outcome outcome, String text, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        p.draftReply(outcome, text, by, now);
        store.save(p, now);
        done(p, "petition.replyDrafted", outcome.name());
    }

    /** 审批 of whatever awaits approval: an extension, a reply or a decline. */
    @Transactional
    public void approve(String number, boolean approve, String note, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        if (approve && p.pendingKind == Petition.PendingKind.EXTENSION) {
            requireHandlingPeriodRunning(p);
        }
        Petition.Approved result = p.decide(approve, note, by, now);
        store.save(p, now);
        switch (result) {
            case EXTENSION -> clocks.extend(p.id, StatutoryPeriod.HANDLE, p.extendedDays);
            case REPLY -> {
                clocks.stop(p.id, p.simplified ? StatutoryPeriod.SIMPLIFIED : StatutoryPeriod.HANDLE, now);
                clocks.stop(p.id, StatutoryPeriod.ASSIGNMENT_FEEDBACK, now);
                clocks.start(p.id, p.number, StatutoryPeriod.REVIEW_REQUEST, now, null);
            }
            case DECLINE -> {
                clocks.stop(p.id, StatutoryPeriod.ROUTE, now);
                clocks.stop(p.id, StatutoryPeriod.ACKNOWLEDGE, now);
                clocks.cancel(p.id, StatutoryPeriod.MISROUTE_OBJECTION, now);
                clocks.cancel(p.id, StatutoryPeriod.ASSIGNMENT_FEEDBACK, now);
            }
            case REJECTED -> {
            }
        }
        done(p, "petition.approval", result.name());
    }

    /** 送达 of the written reply. */
    @Transactional
    public void recordDelivery(String number, String method, Instant deliveredOn, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        if (deliveredOn == null) {
            deliveredOn = now; // recorded as it happens
        }
        if (deliveredOn.isAfter(now)) {
            throw new InvalidInputException("deliveredAt", "validation.receivedAt.future");
        }
        p.recordDelivery(method, deliveredOn, by, now);
        store.save(p, now);
        done(p, "petition.delivered", method);
    }

    /** The 复查 or 复核 organ's opinion. */
    @Transactional
    public void answerReview(String number, ReviewOutcome outcome, String text, StaffUser by) {
        Instant now = clock.instant();
        Petition p = loadVisible(number, by);
        boolean recheck = p.status == PetitionStatus.RECHECK_REQUESTED;
        p.answerReview(outcome, text, by, now);
        store.save(p, now);
        clocks.stop(p.id, recheck ? StatutoryPeriod.RECHECK_ANSWER : StatutoryPeriod.REVIEW_ANSWER, now);
        if (p.status == PetitionStatus.REVIEWED) {
            clocks.start(p.id, p.number, StatutoryPeriod.RECHECK_REQUEST, now, null);
        } else if (p.status == PetitionStatus.IN_PROGRESS) {
            clocks.start(p.id, p.number, StatutoryPeriod.HANDLE, now, p.currentUnitId);
        }
        done(p, recheck ? "petition.rechecked" : "petition.reviewed", outcome.name());
    }

    // ------------------------------------------------------------------ the petitioner

    /** 满意度评价 with the query code. */
    @Transactional
    public void rate(String number, String queryCode, Rating rating, String comment) {
        Instant now = clock.instant();
        Petition p = loadWithCode(number, queryCode);
        p.rate(rating, comment, now);
        store.save(p, now);
        done(p, "petition.rated", rating.name());
    }

    /** 复查 / 复核 request with the query code, within the 30-day window. */
    @Transactional
    public void requestReview(String number, String queryCode, String reason) {
        Instant now = clock.instant();
        Petition p = loadWithCode(number, queryCode);
        boolean second = p.status == PetitionStatus.REVIEWED;
        StatutoryPeriod window = second ? StatutoryPeriod.RECHECK_REQUEST : StatutoryPeriod.REVIEW_REQUEST;
        boolean inWindow = clocks.of(p.id).stream()
                .anyMatch(c -> c.period() == window && c.state() == ClockView.State.RUNNING);
        long decidedBy = second ? p.reviewUnitId : (p.replyUnitId == null ? p.currentUnitId : p.replyUnitId);
        Unit organ = routing.organAbove(units.find(decidedBy).orElseThrow());
        p.requestReview(reason, organ.id(), inWindow, now);
        store.save(p, now);
        clocks.stop(p.id, window, now);
        clocks.start(p.id, p.number, second ? StatutoryPeriod.RECHECK_ANSWER : StatutoryPeriod.REVIEW_ANSWER, now,
                organ.id());
        done(p, second ? "petition.recheckRequested" : "petition.reviewRequested", organ.code());
    }

    /** 结案 once the petitioner's review window passed unused (driven by the deadline scan). */
    @Transactional
    public void closeAfterReviewWindow(UUID petitionId, StatutoryPeriod window) {
        Instant now = clock.instant();
        Petition p = store.loadForUpdate(petitionId).orElseThrow();
        PetitionStatus before = p.status;
        p.closeAfterReviewWindow(now);
        if (p.status == before) {
            return; // a request arrived in time after all, or the matter moved on
        }
        store.save(p, now);
        clocks.cancel(p.id, window, now);
        done(p, "petition.closed", window.name());
    }

    /** Whether {@code queryCode} is the code of this petition (constant time; no hint which part was wrong). */
    @Transactional(readOnly = true)
    public boolean codeMatches(String number, String queryCode) {
        if (number == null || queryCode == null || queryCode.length() > 32) {
            return false;
        }
        byte[] stored = jdbc.sql("SELECT query_code_enc FROM petition.petition WHERE number = ?").param(number)
                .query(byte[].class).optional().orElse(null);
        if (stored == null) {
            return false;
        }
        String expected = cipher.decrypt(stored, Field.OTHER);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                queryCode.trim().toUpperCase().getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Keeps the earliest due date of the clocks a unit still owes on the petition row, in the same
     * transaction as the step that moved them, so work lists sort and count by deadline from an index
     * instead of looking up the clocks of every petition in scope.
     */
    private void refreshNextDue(UUID petitionId) {
        jdbc.sql("""
                UPDATE petition.petition SET next_due_date = (SELECT min(c.due_date) FROM deadline.clock c
                    WHERE c.subject_id = ? AND c.state = 'RUNNING' AND c.unit_id IS NOT NULL)
                WHERE id = ?""").params(petitionId, petitionId).update();
    }

    /** An extension is granted before the 60 days run out, never to cure a missed deadline. */
    private void requireHandlingPeriodRunning(Petition p) {
        boolean running = clocks.of(p.id).stream()
                .anyMatch(c -> c.period() == StatutoryPeriod.HANDLE && c.state() == ClockView.State.RUNNING);
        if (!running) {
            throw new RuleViolationException("rule.extend.expired");
        }
    }

    private Petition loadVisible(String number, StaffUser by) {
        Petition p = store.loadForUpdate(number).orElseThrow(() -> new NotFoundException("petition.notFound"));
        if (!visibility.canSee(by, p.id)) {
            throw new NotFoundException("petition.notFound");
        }
        return p;
    }

    private Petition loadWithCode(String number, String queryCode) {
        if (!codeMatches(number, queryCode)) {
            throw new NotFoundException("petition.notFound");
        }
        return store.loadForUpdate(number).orElseThrow(() -> new NotFoundException("petition.notFound"));
    }

    private void done(Petition p, String action, String detail) {
        refreshNextDue(p.id);
        audit.record(action, "petition", p.number, detail);
        p.events.forEach(events::publishEvent);
        p.events.clear();
    }

}
