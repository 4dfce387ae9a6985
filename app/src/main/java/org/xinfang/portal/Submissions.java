package org.xinfang.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.intake.Attachment;
import org.xinfang.intake.Registration;
import org.xinfang.notification.Notifications;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.people.Masking;
import org.xinfang.people.PetitionerDetails;
import org.xinfang.petition.Categories;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionLifecycle;
import org.xinfang.petition.PetitionType;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * The portal's submission: checks a form as registration will (plus what the portal asks for besides:
 * a phone for the SMS and an address for written notices), keeps it as a draft for the confirmation
 * step, and registers it once confirmed — with the form's key as the idempotency key, so a double
 * click or a retried request gives the same receipt and never a second petition.
 */
@Service
class Submissions {

    private final Registration registration;
    private final Drafts drafts;
    private final Categories categories;
    private final Units units;

    Submissions(Registration registration, Drafts drafts, Categories categories, Units units) {
        this.registration = registration;
        this.drafts = drafts;
        this.categories = categories;
        this.units = units;
    }

    /**
     * Checks the form with these files and stores it as a draft.
     *
     * @param newFiles files chosen in this round (replacing earlier ones), or empty to keep the draft's
     * @throws InvalidInputException with every problem, the fields named as the form names them
     */
    @Transactional
    void check(UUID key, SubmissionForm form, List<Attachment> newFiles) {
        List<Attachment> files = newFiles.isEmpty() ? drafts.files(key) : newFiles;
        List<FieldProblem> problems = new ArrayList<>(portalRules(form));
        try {
            registration.checkOnline(request(form, files));
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(renamed(p)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(dedup(problems));
        }
        drafts.save(key, form, newFiles.isEmpty() ? null : newFiles);
    }

    /** Registers the confirmed draft; a draft confirmed before gives its receipt again. */
    @Transactional
    Optional<Drafts.Receipt> submit(UUID key) {
        Optional<Drafts.Draft> found = drafts.lock(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Drafts.Draft draft = found.get();
        if (draft.submitted()) {
            return drafts.receipt(key);
        }
        Registration.Request request = request(draft.form(), drafts.files(key));
        PetitionLifecycle.Receipt r;
        try {
            r = registration.online(request, "portal-" + key).receipt();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(dedup(e.problems().stream().map(Submissions::renamed).toList()));
        }
        String phone = draft.form().phone();
        Drafts.Receipt receipt = new Drafts.Receipt(r.number(), r.queryCode(),
                r.receivedAt().atZone(ChinaTime.ZONE).toOffsetDateTime(), Masking.phone(phone == null ? null : phone.strip()),
                Notifications.isMobile(phone));
        drafts.submitted(key, receipt);
        return Optional.of(receipt);
    }

    private Registration.Request request(SubmissionForm f, List<Attachment> files) {
        PetitionType type = parseType(f.type());
        String category = f.category() == null || f.category().isBlank() ? null : f.category().strip();
        return new Registration.Request(Channel.ONLINE, null,
                new PetitionerDetails(f.name(), f.idCardNumber(), f.phone(), f.address()), List.of(), 1,
                type, category, f.regionCode(), f.title(), f.content(), f.isPublicAllowed(), false, Map.of(), files);
    }

    private List<FieldProblem> portalRules(SubmissionForm f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.type() != null && !f.type().isBlank() && parseType(f.type()) == null) {
            problems.add(FieldProblem.of("type", "portal.validation.type"));
        }
        if (f.district() == null || f.district().isBlank()) {
            problems.add(FieldProblem.of("district", "portal.validation.district"));
        } else {
            placeChain(f, problems);
        }
        if (f.phone() == null || f.phone().isBlank()) {
            problems.add(FieldProblem.of("phone", "portal.validation.phone"));
        }
        if (f.address() == null || f.address().isBlank()) {
            problems.add(FieldProblem.of("address", "portal.validation.address"));
        }
        if (f.category() != null && !f.category().isBlank() && categories.byName(f.category().strip()).isEmpty()) {
            problems.add(FieldProblem.of("category", "portal.validation.category"));
        }
        return problems;
    }

    /** Township inside the district, community inside the township: the picker's three levels must agree. */
    private void placeChain(SubmissionForm f, List<FieldProblem> problems) {
        Optional<Unit> district = units.territory(f.district().strip());
        if (district.isEmpty()) {
            problems.add(FieldProblem.of("district", "validation.regionCode.unknown"));
            return;
        }
        Unit parent = district.get();
        String[][] below = { { "township", f.township() }, { "community", f.community() } };
        for (String[] level : below) {
            if (level[1] == null || level[1].isBlank()) {
                return;
            }
            Optional<Unit> unit = units.territory(level[1].strip());
            if (unit.isEmpty() || !parent.contains(unit.get()) || unit.get().id() == parent.id()) {
                problems.add(FieldProblem.of(level[0], "portal.validation.placeMismatch"));
                return;
            }
            parent = unit.get();
        }
    }

    static PetitionType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return PetitionType.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Registration names fields as the API does; the form names them as its inputs. */
    static FieldProblem renamed(FieldProblem p) {
        String field = p.field();
        if (field.startsWith("petitioner.")) {
            field = field.substring("petitioner.".length());
        } else if (field.equals("regionCode")) {
            field = "district";
        } else if (field.startsWith("attachments")) {
            field = "files";
        }
        return new FieldProblem(field, p.messageKey(), p.args(), p.chinese(), p.english());
    }

    /** One message per field is enough on a form; the first is the most basic. */
    private static List<FieldProblem> dedup(List<FieldProblem> problems) {
        Map<String, FieldProblem> first = new java.util.LinkedHashMap<>();
        List<FieldProblem> files = new ArrayList<>();
        for (FieldProblem p : problems) {
            if (p.field().equals("files")) {
                files.add(p); // each file has its own message
            } else {
                first.putIfAbsent(p.field(), p);
            }
        }
        List<FieldProblem> out = new ArrayList<>(first.values());
        out.addAll(files);
        return out;
    }
}
