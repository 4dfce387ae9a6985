package org.xinfang.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinfang.audit.AuditLog;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * Administrators' editing of the templates: text blocks, the letterhead name, the 机关代字 and the seal,
 * per kind and optionally per unit. Every change is a new version; old versions stay, so every stored
 * document still names the exact version it was made from.
 */
@Service
public class DocumentTemplates {

    /** The blocks a template may have. */
    static final Set<String> BLOCKS = Set.of("addressee", "body", "rows", "closing", "footnote");

    /** A change of a template's texts; nulls in organName / docCode mean "the unit's own". */
    public record Change(Long unitId, String organName, String docCode, String title, Map<String, String> blocks,
            String note) {
    }

    private static final int MAX_SEAL_BYTES = 1024 * 1024;

    private final DocumentStore store;
    private final Units units;
    private final AuditLog audit;
    private final Clock clock;

    DocumentTemplates(DocumentStore store, Units units, AuditLog audit, Clock clock) {
        this.store = store;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** The current version of every default and unit template. */
    @Transactional(readOnly = true)
    public List<TemplateView> current() {
        return store.allCurrent().stream().map(this::view).toList();
    }

    /** The template a unit's documents of this kind are made from now, and its earlier versions. */
    @Transactional(readOnly = true)
    public List<TemplateView> history(DocumentKind kind, Long unitId) {
        List<TemplateView> all = new ArrayList<>(store.versions(kind, unitId).stream().map(this::view).toList());
        if (all.isEmpty()) {
            all.add(view(store.effectiveTemplate(kind, unitId)));
        }
        return all;
    }

    /** The placeholders templates may use, with what each is filled with. */
    public Map<String, String> placeholders() {
        return Placeholders.ALL;
    }

    /** Saves a new version of the template of a kind (for a unit, or the default); the seal is kept. */
    @Transactional
    public TemplateView update(DocumentKind kind, Change change, StaffUser by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (change.unitId() != null && units.find(change.unitId()).isEmpty()) {
            problems.add(FieldProblem.of("unitId", "validation.unit.unknown"));
        }
        if (change.title() == null || change.title().isBlank() || change.title().length() > 200) {
            problems.add(FieldProblem.of("title", "document.template.title"));
        } else {
            unknown("title", change.title(), problems);
        }
        if (change.organName() != null && change.organName().length() > 100) {
            problems.add(FieldProblem.of("organName", "document.template.tooLong", 100));
        }
        if (change.docCode() != null && change.docCode().length() > 20) {
            problems.add(FieldProblem.of("docCode", "document.template.tooLong", 20));
        }
        Map<String, String> blocks = new LinkedHashMap<>();
        if (change.blocks() == null || change.blocks().isEmpty()) {
            problems.add(FieldProblem.of("blocks", "document.template.blocksRequired"));
        } else {
            change.blocks().forEach((name, text) -> {
                String field = "blocks." + name;
                if (!BLOCKS.contains(name)) {
                    problems.add(FieldProblem.of(field, "document.template.unknownBlock", String.join("、", BLOCKS)));
                } else if (text != null && text.length() > 20000) {
                    problems.add(FieldProblem.of(field, "document.template.tooLong", 20000));
                } else {
                    unknown(field, text, problems);
                    blocks.put(name, text == null ? "" : text);
                }
            });
            boolean form = kind.layout() == DocumentKind.Layout.FORM;
            String main = blocks.getOrDefault(form ? "rows" : "body", "");
            if (main.isBlank()) {
                problems.add(FieldProblem.of(form ? "blocks.rows" : "blocks.body", "document.template.mainBlock"));
            } else if (form && main.lines().anyMatch(l -> !l.isBlank() && l.indexOf('|') < 1)) {
                problems.add(FieldProblem.of("blocks.rows", "document.template.rowShape"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Template before = store.effectiveTemplate(kind, change.unitId());
        byte[] seal = change.unitId() != null && change.unitId().equals(before.unitId()) ? before.seal() : null;
        Template saved = store.addVersion(new Template(0, kind, change.unitId(), 0, blankToNull(change.organName()),
                blankToNull(change.docCode()), change.title().strip(), blocks, seal, by.username(), clock.instant(),
                change.note()));
        audit.record("document.template.changed", "document-template", kind.name() + "/" + unitKey(change.unitId()),
                "version " + saved.version());
        return view(saved);
    }

    /**
     * Sets (or, with null, removes) the seal of a unit on all its templates: each kind gets a new version
     * of the unit's template, copied from what the unit used so far.
     */
    @Transactional
    public List<TemplateView> setSeal(long unitId, byte[] png, StaffUser by) {
        if (units.find(unitId).isEmpty()) {
            throw new InvalidInputException("unitId", "validation.unit.unknown");
        }
        if (png != null) {
            checkSeal(png);
        }
        List<TemplateView> saved = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            Template t = store.effectiveTemplate(kind, unitId);
            saved.add(view(store.addVersion(new Template(0, kind, unitId, 0, t.organName(), t.docCode(), t.title(),
                    t.blocks(), png, by.username(), clock.instant(), png == null ? "移除印章" : "更换印章"))));
        }
        audit.record("document.seal.changed", "unit", Long.toString(unitId), png == null ? "removed" : png.length + " bytes");
        return saved;
    }

    private static void checkSeal(byte[] png) {
        boolean isPng = png.length > 8 && (png[0] & 0xff) == 0x89 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G';
        if (!isPng) {
            throw new InvalidInputException("seal", "document.seal.notPng");
        }
        if (png.length > MAX_SEAL_BYTES) {
            throw new InvalidInputException("seal", "document.seal.tooLarge");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null || image.getWidth() < 100 || image.getHeight() < 100 || image.getWidth() > 3000
                    || image.getHeight() > 3000) {
                throw new InvalidInputException("seal", "document.seal.size");
            }
        } catch (IOException e) {
            throw new InvalidInputException("seal", "document.seal.notPng");
        }
    }

    private static void unknown(String field, String text, List<FieldProblem> problems) {
        List<String> unknown = Placeholders.unknownIn(text);
        if (!unknown.isEmpty()) {
            problems.add(FieldProblem.of(field, "document.template.unknownPlaceholder", "{" + unknown.get(0) + "}"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String unitKey(Long unitId) {
        return unitId == null ? "default" : unitId.toString();
    }

    private TemplateView view(Template t) {
        return new TemplateView(t.id(), t.kind().name(), t.kind().label(), t.unitId(),
                t.unitId() == null ? null : units.find(t.unitId()).map(Unit::name).orElse(null), t.version(), t.organName(),
                t.docCode(), t.title(), t.blocks(), t.seal() != null, t.createdBy(),
                t.createdAt().atZone(ChinaTime.ZONE).toOffsetDateTime(), t.note());
    }
}
