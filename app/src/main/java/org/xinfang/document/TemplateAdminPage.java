package org.xinfang.document;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;

/**
 * The administrators' page for document templates (the web rule of /admin/** admits only ADMIN): pick a
 * kind and a unit, edit the text blocks, letterhead and 机关代字, upload the unit's seal; every save is a new
 * version, listed below the form. Plain forms, no script.
 */
@Controller
@RequestMapping("/admin/document-templates")
class TemplateAdminPage {

    private final DocumentTemplates templates;
    private final Units units;
    private final MessageSource messages;

    TemplateAdminPage(DocumentTemplates templates, Units units, MessageSource messages) {
        this.templates = templates;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "ACCEPTANCE_NOTICE") DocumentKind kind,
            @RequestParam(required = false) Long unitId, Model model) {
        List<TemplateView> history = templates.history(kind, unitId);
        TemplateView current = history.get(0);
        fill(model, kind, unitId, current, history);
        model.addAttribute("form", formOf(current));
        return "document/templates";
    }

    @PostMapping("/{kind}")
    String save(@PathVariable DocumentKind kind, @RequestParam(required = false) Long unitId,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> blocks = new LinkedHashMap<>();
        for (String block : List.of("addressee", "body", "rows", "closing", "footnote")) {
            String text = params.get("block." + block);
            if (text != null && !(text.isBlank() && !"body".equals(block) && !"rows".equals(block))) {
                blocks.put(block, text.replace("\r\n", "\n"));
            }
        }
        boolean form = kind.layout() == DocumentKind.Layout.FORM;
        blocks.remove(form ? "body" : "rows");
        try {
            TemplateView saved = templates.update(kind, new DocumentTemplates.Change(unitId, params.get("organName"),
                    params.get("docCode"), params.get("title"), blocks, params.get("note")), CurrentStaff.require());
            redirect.addAttribute("kind", kind.name());
            if (unitId != null) {
                redirect.addAttribute("unitId", unitId);
            }
            redirect.addFlashAttribute("saved", saved.version());
            return "redirect:/admin/document-templates";
        } catch (InvalidInputException e) {
            List<TemplateView> history = templates.history(kind, unitId);
            fill(model, kind, unitId, history.get(0), history);
            model.addAttribute("form", params);
            model.addAttribute("errors", errors(e));
            return "document/templates";
        }
    }

    @PostMapping("/seal")
    String seal(@RequestParam long unitId, @RequestParam(defaultValue = "ACCEPTANCE_NOTICE") DocumentKind kind,
            @RequestParam(required = false) MultipartFile seal, @RequestParam(required = false) String remove,
            Model model, RedirectAttributes redirect) throws IOException {
        try {
            byte[] png = remove != null ? null : seal == null || seal.isEmpty() ? new byte[0] : seal.getBytes();
            templates.setSeal(unitId, png, CurrentStaff.require());
            redirect.addAttribute("kind", kind.name());
            redirect.addAttribute("unitId", unitId);
            redirect.addFlashAttribute("sealSaved", remove == null);
            redirect.addFlashAttribute("sealRemoved", remove != null);
            return "redirect:/admin/document-templates";
        } catch (InvalidInputException e) {
            List<TemplateView> history = templates.history(kind, unitId);
            fill(model, kind, unitId, history.get(0), history);
            model.addAttribute("form", formOf(history.get(0)));
            model.addAttribute("errors", errors(e));
            return "document/templates";
        }
    }

    private void fill(Model model, DocumentKind kind, Long unitId, TemplateView current, List<TemplateView> history) {
        model.addAttribute("kinds", Arrays.asList(DocumentKind.values()));
        model.addAttribute("kind", kind);
        model.addAttribute("form_layout", kind.layout() == DocumentKind.Layout.FORM);
        model.addAttribute("unitId", unitId);
        List<Unit> all = units.visibleTree(CurrentStaff.require());
        model.addAttribute("units", all);
        model.addAttribute("unitName", unitId == null ? null
                : all.stream().filter(u -> u.id() == unitId).map(Unit::name).findFirst().orElse(null));
        model.addAttribute("current", current);
        model.addAttribute("inherited", unitId != null && !unitId.equals(current.unitId()));
        model.addAttribute("history", history);
        model.addAttribute("placeholders", templates.placeholders());
    }

    private static Map<String, String> formOf(TemplateView t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", t.title());
        f.put("organName", t.organName() == null ? "" : t.organName());
        f.put("docCode", t.docCode() == null ? "" : t.docCode());
        t.blocks().forEach((k, v) -> f.put("block." + k, v));
        return f;
    }

    private Map<String, String> errors(InvalidInputException e) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            String message = p.messageKey() != null ? messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)
                    : Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? p.english() : p.chinese();
            errors.put(p.field(), message);
        }
        return errors;
    }
}
