package org.xinfang.insight;

import java.util.List;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;

/**
 * The early-warning API ({@code /api/v1/warnings}): list (by status, level, rule), one warning with its
 * evidence, acknowledge and handle with a note, and an on-demand evaluation. Roles are set in the security
 * configuration and checked again by {@link Warnings}; what a user sees is limited to their territories.
 */
@RestController
@Validated
@RequestMapping("/api/v1/warnings")
class WarningController {

    /** The note on a step; its length is checked by {@link Warnings}, with a Chinese field message. */
    record Note(String note) {
    }

    private final Warnings warnings;

    WarningController(Warnings warnings) {
        this.warnings = warnings;
    }

    @GetMapping
    List<WarningView> list(@RequestParam(required = false) List<WarningStatus> status,
            @RequestParam(required = false) WarningLevel level, @RequestParam(required = false) WarningRule rule) {
        return warnings.list(new Warnings.Filter(status, level, rule), CurrentStaff.require());
    }

    @GetMapping("/{id}")
    WarningView one(@PathVariable long id) {
        return warnings.get(id, CurrentStaff.require());
    }

    @PostMapping("/{id}/acknowledge")
    WarningView acknowledge(@PathVariable long id, @RequestBody(required = false) Note body) {
        return warnings.acknowledge(id, body == null ? null : body.note(), CurrentStaff.require());
    }

    @PostMapping("/{id}/handle")
    WarningView handle(@PathVariable long id, @RequestBody(required = false) Note body) {
        return warnings.handle(id, body == null ? null : body.note(), CurrentStaff.require());
    }

    @PostMapping("/evaluate")
    Warnings.Evaluation evaluate() {
        return warnings.evaluate(CurrentStaff.require());
    }
}
