package org.xinfang.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.UnitKind;
import org.xinfang.organization.Units;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.people.Petitioners;
import org.xinfang.petition.Channel;
import org.xinfang.petition.NewPetition;
import org.xinfang.petition.PetitionLifecycle;
import org.xinfang.petition.PetitionType;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.notification.Notifications;
import org.xinfang.shared.RegionCode;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers a petition from any channel: checks every field (all problems reported at once), enforces
 * the channel's rules (at most 5 representatives for a group visit, Art.17), records the petitioner and
 * representatives, and hands the petition to the lifecycle — idempotently, in one transaction.
 */
@Service
public class Registration {

    /** The 条例's limit on representatives of a group visit (多人走访应当推选代表，代表人数不超过5人). */
    static final int MAX_REPRESENTATIVES = 5;
    /** Longest title and content a registration accepts, in characters. */
    public static final int MAX_TITLE = 200;
    public static final int MAX_CONTENT = 10_000;

    /**
     * One registration as the API or a form gives it.
     *
     * @param attachments photos, scans and PDFs handed in with it (at most {@value AttachmentPolicy#MAX_COUNT});
     *                    empty or null for none
     */
    public record Request(Channel channel, Instant receivedAt, PetitionerDetails petitioner, List<PetitionerDetails> representatives,
            Integer headcount, PetitionType type, String category, String regionCode, String title, String content,
            boolean publicAllowed, boolean urgent, Map<String, Object> channelDetails, List<Attachment> attachments) {

        /** A registration without attachments. */
        public Request(Channel channel, Instant receivedAt, PetitionerDetails petitioner,
                List<PetitionerDetails> representatives, Integer headcount, PetitionType type, String category,
                String regionCode, String title, String content, boolean publicAllowed, boolean urgent,
                Map<String, Object> channelDetails) {
            this(channel, receivedAt, petitioner, representatives, headcount, type, category, regionCode, title, content,
                    publicAllowed, urgent, channelDetails, List.of());
        }
    }

    /** The limits a form should tell its users before they pick files. */
    public record AttachmentLimits(int maxCount, int maxFileMegabytes, int maxTotalMegabytes, List<String> mediaTypes) {
    }

    /** What attachments registration accepts. */
    public static AttachmentLimits attachmentLimits() {
        return new AttachmentLimits(AttachmentPolicy.MAX_COUNT, AttachmentPolicy.MAX_FILE_MB, AttachmentPolicy.MAX_TOTAL_MB,
                java.util.Arrays.stream(AttachmentPolicy.Kind.values()).map(k -> k.mediaType).toList());
    }

    /** The receipt, and whether this call created the petition (false: a replay of an earlier call). */
    public record Submitted(PetitionLifecycle.Receipt receipt, boolean created) {
    }

    private final Petitioners petitioners;
    private final PetitionLifecycle lifecycle;
    private final Units units;
    private final IdempotentSubmissions idempotency;
    private final Attachments attachments;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    Registration(Petitioners petitioners, PetitionLifecycle lifecycle, Units units, IdempotentSubmissions idempotency,
            Attachments attachments, Notifications notifications, JsonMapper json, Clock clock) {
        this.petitioners = petitioners;
        this.lifecycle = lifecycle;
        this.units = units;
        this.idempotency = idempotency;
        this.attachments = attachments;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    /** A clerk registers a letter, visit, call, online or WeChat petition received by their unit. */
    @Transactional
    public Submitted byClerk(Request r, String idempotencyKey, StaffUser clerk) {
        String key = idempotencyKey == null ? null : "staff:" + clerk.username() + ":" + idempotencyKey;
        return idempotency.submit(key, json.writeValueAsString(r),
                () -> register(r, clerk.unitId(), clerk.displayName(), false));
    }

    /**
     * Checks an online submission exactly as {@link #online} would, storing nothing: for a form's
     * confirmation step, so the citizen confirms only what will be accepted.
     *
     * @throws InvalidInputException with every problem at once
     */
    public void checkOnline(Request r) {
        check(r, true);
    }

    /** A citizen submits online (网上信访); received by the petition bureau of the installation's root territory. */
    @Transactional
    public Submitted online(Request r, String idempotencyKey) {
        return idempotency.submit("public:" + idempotencyKey, json.writeValueAsString(r),
                () -> register(r, publicBureau().id(), "网上信访", true));
    }

    /** A request that passed every check, normalised. */
    private record Checked(Instant receivedAt, String title, String content, int headcount, PetitionerDetails petitioner,
            List<PetitionerDetails> representatives, List<AttachmentPolicy.Checked> attachments) {
    }

    private PetitionLifecycle.Receipt register(Request r, long receivingUnitId, String registeredBy, boolean selfService) {
        Checked c = check(r, selfService);
        UUID petitionerId = petitioners.register(c.petitioner());
        List<UUID> representativeIds = new ArrayList<>();
        for (PetitionerDetails rep : c.representatives()) {
            representativeIds.add(petitioners.register(rep));
        }
        Map<String, Object> details = new LinkedHashMap<>(r.channelDetails() == null ? Map.of() : r.channelDetails());
        PetitionLifecycle.Receipt receipt = lifecycle.register(new NewPetition(r.channel(), c.receivedAt(), petitionerId,
                representativeIds, c.headcount(), r.type(), r.category() == null ? null : r.category().strip(),
                r.regionCode(), c.title(), c.content(), r.publicAllowed(), r.urgent(),
                json.writeValueAsString(details), receivingUnitId, registeredBy));
        attachments.store(receipt.id(), c.attachments());
        // in this transaction, so the 查询码 SMS is sent if and only if the petition exists
        notifications.receipt(receipt.id(), receipt.number(), receipt.queryCode(), c.petitioner().phone());
        return receipt;
    }

    private Checked check(Request r, boolean selfService) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant now = clock.instant();
        Instant receivedAt = r.receivedAt() == null ? now : r.receivedAt();
        require(problems, r.channel() != null, "channel");
        require(problems, r.type() != null, "type");
        if (receivedAt.isAfter(now.plusSeconds(60))) {
            problems.add(FieldProblem.of("receivedAt", "validation.receivedAt.future"));
        }
        String title = r.title() == null ? "" : r.title().strip();
        String content = r.content() == null ? "" : r.content().strip();
        if (title.isEmpty()) {
            problems.add(FieldProblem.of("title", "validation.required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(FieldProblem.of("title", "validation.tooLong", MAX_TITLE));
        }
        if (content.isEmpty()) {
            problems.add(FieldProblem.of("content", "validation.required"));
        } else if (content.length() > MAX_CONTENT) {
            problems.add(FieldProblem.of("content", "validation.tooLong", MAX_CONTENT));
        }
        if (r.category() != null && r.category().length() > 50) {
            problems.add(FieldProblem.of("category", "validation.tooLong", 50));
        }
        if (!RegionCode.isWellFormed(r.regionCode())) {
            problems.add(FieldProblem.of("regionCode", "validation.regionCode.format"));
        } else if (units.territory(r.regionCode()).isEmpty()) {
            problems.add(FieldProblem.of("regionCode", "validation.regionCode.unknown"));
        }
        List<PetitionerDetails> reps = r.representatives() == null ? List.of() : r.representatives();
        int headcount = r.headcount() == null ? Math.max(1, reps.size()) : r.headcount();
        if (headcount < 1 || headcount > 100_000) {
            problems.add(FieldProblem.of("headcount", "validation.headcount"));
        }
        if (reps.size() > MAX_REPRESENTATIVES) {
            problems.add(FieldProblem.of("representatives", "validation.representatives.max", MAX_REPRESENTATIVES));
        }
        if (r.channel() == Channel.VISIT && headcount > MAX_REPRESENTATIVES && reps.isEmpty()) {
            problems.add(FieldProblem.of("representatives", "validation.representatives.required", MAX_REPRESENTATIVES));
        }
        PetitionerDetails petitioner = null;
        try {
            petitioner = r.petitioner() == null ? null : r.petitioner().validated("petitioner.", selfService);
            if (r.petitioner() == null) {
                problems.add(FieldProblem.of("petitioner", "validation.required"));
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        List<PetitionerDetails> cleanReps = new ArrayList<>();
        for (int i = 0; i < reps.size() && i < MAX_REPRESENTATIVES; i++) {
            if (reps.get(i) == null) {
                problems.add(FieldProblem.of("representatives[" + i + "]", "validation.required"));
                continue;
            }
            try {
                cleanReps.add(reps.get(i).validated("representatives[" + i + "].", false));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        List<AttachmentPolicy.Checked> files = AttachmentPolicy.check(r.attachments(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(receivedAt, title, content, headcount, petitioner, cleanReps, files);
    }

    private Unit publicBureau() {
        Unit root = units.territories().get(0);
        return units.unitServing(root, UnitKind.PETITION_BUREAU, null).orElse(root);
    }

    private static void require(List<FieldProblem> problems, boolean present, String field) {
        if (!present) {
            problems.add(FieldProblem.of(field, "validation.required"));
        }
    }
}
