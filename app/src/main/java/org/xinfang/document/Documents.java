package org.xinfang.document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.petition.PetitionLifecycle;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionScope;
import org.xinfang.petition.PetitionViews;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;

/**
 * The documents of a petition: made when a step happens (see {@link PetitionDocumentListener}) or on
 * demand, stored with the case, listed and downloaded by staff whose scope reaches the petition and, for
 * what is addressed to them, by petitioners with number and query code. Every download is audited.
 */
@Service
public class Documents {

    /** 督办单 details: why, what is required, by when and how (电话、发函、约谈、实地、联合、提级). */
    public record SupervisionOrder(String reason, String requirement, LocalDate dueDate, String method) {
    }

    /** A file to send: its download name, media type and bytes. */
    public record DownloadedFile(String fileName, String mediaType, byte[] content) {
    }

    private final DocumentStore store;
    private final DocumentComposer composer;
    private final DocumentFiles files;
    private final PetitionQueries petitions;
    private final PetitionScope scope;
    private final PetitionLifecycle lifecycle;
    private final Units units;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Documents(DocumentStore store, DocumentComposer composer, DocumentFiles files, PetitionQueries petitions,
            PetitionScope scope, PetitionLifecycle lifecycle, Units units, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.composer = composer;
        this.files = files;
        this.petitions = petitions;
        this.scope = scope;
        this.lifecycle = lifecycle;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ making documents

    /**
     * Makes the document of a lifecycle step once, dated the day of the step: a second call with the same
     * trigger (a redelivered event) returns the document made the first time.
     */
    @Transactional
    public UUID generateForStep(UUID petitionId, DocumentKind kind, long issuingUnitId, Long addresseeUnitId,
            Instant stepAt, String triggerKey) {
        return store.byTrigger(triggerKey).orElseGet(() -> {
            PetitionViews.Detail c = petitions.forSystem(petitionId, "生成" + kind.label());
            // a late-registered letter is received one day and registered another: the form is dated when registered
            Instant dated = kind == DocumentKind.REGISTRATION_FORM && c.registeredAt() != null ? c.registeredAt().toInstant()
                    : stepAt;
            return make(c, new DocumentComposer.Request(kind, issuingUnitId, addresseeUnitId, Map.of()), triggerKey, "system",
                    dated, DocumentFiles.rendersLater(kind));
        });
    }

    /** Makes a document again on demand, from the case as it stands, by a member of staff in scope. */
    @Transactional
    public DocumentView generate(String number, DocumentKind kind, StaffUser by) {
        if (kind == DocumentKind.SUPERVISION_ORDER) {
            throw new InvalidInputException("kind", "document.kind.supervisionNeedsDetails");
        }
        UUID id = visiblePetition(number, by);
        PetitionViews.Detail c = petitions.forSystem(id, "生成" + kind.label() + "（" + by.username() + "）");
        UUID doc = make(c, new DocumentComposer.Request(kind, issuingUnit(kind, c), addressee(kind, c), Map.of()),
                "manual:" + UUID.randomUUID(), by.username(), clock.instant(), false);
        return view(store.find(doc).orElseThrow());
    }

    /** 督办单: issued by a supervisor or leader to the unit holding the petition. */
    @Transactional
    public DocumentView supervise(String number, SupervisionOrder order, StaffUser by) {
        if (!by.hasAny(Role.SUPERVISOR, Role.LEADER)) {
            throw new AccessDeniedException("supervision");
        }
        UUID id = visiblePetition(number, by);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        if (order.dueDate() != null && !order.dueDate().isAfter(today)) {
            throw new InvalidInputException("dueDate", "document.supervision.dueDate");
        }
        PetitionViews.Detail c = petitions.forSystem(id, "生成督办单（" + by.username() + "）");
        Map<String, String> extras = Map.of("督办事由", order.reason().strip(), "督办要求", order.requirement().strip(),
                "督办期限", order.dueDate() == null ? "" : ChineseDates.of(order.dueDate()), "督办方式", order.method().strip());
        UUID doc = make(c, new DocumentComposer.Request(DocumentKind.SUPERVISION_ORDER, by.unitId(), c.currentUnit().id(),
                extras), "manual:" + UUID.randomUUID(), by.username(), clock.instant(), false);
        return view(store.find(doc).orElseThrow());
    }

    /**
     * Issues a document: numbered, composed from the case and the template as they are now, stored; its
     * files are rendered now, or — {@code renderLater} — from this same content on the first download or by
     * the background renderer ({@link DocumentFiles}).
     */
    private UUID make(PetitionViews.Detail c, DocumentComposer.Request request, String triggerKey, String by,
            Instant issuedAt, boolean renderLater) {
        Instant now = clock.instant();
        LocalDate today = issuedAt.atZone(ChinaTime.ZONE).toLocalDate();
        Unit issuing = units.find(request.issuingUnitId()).orElseThrow();
        Template template = store.effectiveTemplate(request.kind(), issuing.id());
        String docNumber = null;
        if (request.kind().numberCode() != null) {
            String prefix = DocumentComposer.numberPrefix(composer.docCode(template, issuing), request.kind());
            int year = today.getYear();
            docNumber = DocumentComposer.docNumber(prefix, year, store.nextNumber(prefix + year));
        }
        OfficialDocument doc = composer.compose(template, request, c, docNumber, today);
        UUID id = UUID.randomUUID();
        store.insert(id, c.id(), c.number(), request.kind(), docNumber, doc.title(), issuing.id(), template, triggerKey,
                now, by, renderLater ? Map.of() : files.render(doc), renderLater ? files.freeze(doc) : null);
        audit.record("document.generated", "petition", c.number(),
                request.kind().name() + " " + (docNumber == null ? "" : docNumber) + " template v" + template.version());
        return id;
    }

    /** The unit that issues a kind of document for the case as it stands. */
    private long issuingUnit(DocumentKind kind, PetitionViews.Detail c) {
        return switch (kind) {
            case NOT_RE_ACCEPTED_NOTICE, REGISTRATION_FORM, FORWARDING_SLIP, ASSIGNMENT_SLIP -> c.receivingUnit().id();
            case REVIEW_OPINION, RECHECK_OPINION -> c.review() == null ? c.currentUnit().id()
                    : units.territories().stream().filter(u -> u.name().equals(c.review().unit())).map(Unit::id)
                            .findFirst().orElse(c.currentUnit().id());
            default -> c.currentUnit().id();
        };
    }

    private static Long addressee(DocumentKind kind, PetitionViews.Detail c) {
        return switch (kind) {
            case FORWARDING_SLIP, ASSIGNMENT_SLIP -> c.currentUnit().id();
            case COMPLETION_REPORT -> c.receivingUnit().id();
            default -> null;
        };
    }

    // ------------------------------------------------------------------ staff

    /** The documents of a petition the caller may see; audited. */
    @Transactional
    public List<DocumentView> list(String number, StaffUser user) {
        UUID id = visiblePetition(number, user);
        audit.record("document.listed", "petition", number, "");
        return store.ofPetition(id).stream().map(this::view).toList();
    }

    /** One file of one document, for staff in scope; audited. */
    @Transactional
    public DownloadedFile download(String number, UUID documentId, DocumentFormat format, StaffUser user) {
        UUID id = visiblePetition(number, user);
        DocumentStore.Issued doc = store.find(documentId).filter(d -> d.petitionId().equals(id))
                .orElseThrow(() -> new NotFoundException("document.notFound"));
        return file(doc, format, "staff");
    }

    // ------------------------------------------------------------------ the petitioner

    /** The documents addressed to the petitioner, with the right query code; anything else is "not found". */
    @Transactional
    public List<DocumentView> listForPetitioner(String number, String queryCode) {
        UUID id = petitionWithCode(number, queryCode);
        return store.ofPetition(id).stream().filter(d -> d.kind().addressedToPetitioner()).map(this::view).toList();
    }

    /** One document addressed to the petitioner, with the right query code; audited. */
    @Transactional
    public DownloadedFile downloadForPetitioner(String number, UUID documentId, String queryCode, DocumentFormat format) {
        UUID id = petitionWithCode(number, queryCode);
        DocumentStore.Issued doc = store.find(documentId)
                .filter(d -> d.petitionId().equals(id) && d.kind().addressedToPetitioner())
                .orElseThrow(() -> new NotFoundException("document.notFound"));
        return file(doc, format, "petitioner");
    }

    private DownloadedFile file(DocumentStore.Issued doc, DocumentFormat format, String who) {
        DocumentStore.StoredFile f = files.file(doc.id(), format).orElseThrow(() -> new NotFoundException("document.notFound"));
        audit.record("document.downloaded", "petition", doc.petitionNumber(),
                who + " " + doc.kind().name() + " " + format.name() + " " + doc.id());
        String name = doc.petitionNumber() + "-" + doc.kind().label() + "." + format.extension();
        return new DownloadedFile(name, f.mediaType(), f.content());
    }

    private UUID visiblePetition(String number, StaffUser user) {
        List<Object> params = new ArrayList<>(List.of(number));
        params.addAll(List.of(scope.parameters(user)));
        return jdbc.sql("SELECT p.id FROM petition.petition p WHERE p.number = ? AND " + PetitionScope.CONDITION)
                .params(params).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("petition.notFound"));
    }

    private UUID petitionWithCode(String number, String queryCode) {
        if (!lifecycle.codeMatches(number, queryCode)) {
            throw new NotFoundException("petition.notFound");
        }
        return jdbc.sql("SELECT id FROM petition.petition WHERE number = ?").param(number).query(UUID.class).single();
    }

    private DocumentView view(DocumentStore.Issued d) {
        return new DocumentView(d.id(), d.petitionNumber(), d.kind().name(), d.kind().label(), d.docNumber(), d.title(),
                units.find(d.issuingUnitId()).map(Unit::name).orElse(""), d.templateVersion(),
                d.createdAt().atZone(ChinaTime.ZONE).toOffsetDateTime(), d.createdBy(), d.kind().addressedToPetitioner(),
                d.pdfBytes(), d.docxBytes());
    }
}
