package org.xinfang.document;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;

/** Administrators edit the document templates (the URL rule of /api/v1/admin/** admits only ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/document-templates")
class TemplateAdminController {

    private final DocumentTemplates templates;

    TemplateAdminController(DocumentTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<TemplateView> current() {
        return templates.current();
    }

    @GetMapping("/placeholders")
    Map<String, String> placeholders() {
        return templates.placeholders();
    }

    @GetMapping("/{kind}")
    List<TemplateView> history(@PathVariable DocumentKind kind, @RequestParam(required = false) Long unitId) {
        return templates.history(kind, unitId);
    }

    @PutMapping("/{kind}")
    TemplateView update(@PathVariable DocumentKind kind, @RequestBody DocumentTemplates.Change change) {
        return templates.update(kind, change, CurrentStaff.require());
    }

    /** The unit's seal as a PNG with a transparent background, sent as the request body. */
    @PutMapping(path = "/seal", consumes = MediaType.IMAGE_PNG_VALUE)
    List<TemplateView> seal(@RequestParam long unitId, @RequestBody byte[] png) {
        return templates.setSeal(unitId, png, CurrentStaff.require());
    }

    @DeleteMapping("/seal")
    List<TemplateView> removeSeal(@RequestParam long unitId) {
        return templates.setSeal(unitId, null, CurrentStaff.require());
    }
}
