package org.xinfang.insight;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.RuleViolationException;

/**
 * The workbench page of early warnings ({@code /warnings}, leaders, supervisors and administrators): open
 * warnings by level with a status filter, and one warning with its evidence (each petition linking to its
 * case page) and the acknowledge / handle forms. Plain forms, no script.
 */
@Controller
@RequestMapping("/warnings")
class WarningPage {

    /** The status tabs: open (new and acknowledged, the default), each status, all. */
    enum Tab {
        OPEN(List.of(WarningStatus.NEW, WarningStatus.ACKNOWLEDGED)),
        NEW(List.of(WarningStatus.NEW)),
        ACKNOWLEDGED(List.of(WarningStatus.ACKNOWLEDGED)),
        HANDLED(List.of(WarningStatus.HANDLED)),
        ALL(List.of());

        final List<WarningStatus> statuses;

        Tab(List<WarningStatus> statuses) {
            this.statuses = statuses;
        }
    }

    private final Warnings warnings;
    private final MessageSource messages;

    WarningPage(Warnings warnings, MessageSource messages) {
        this.warnings = warnings;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "OPEN") Tab tab, @RequestParam(required = false) WarningLevel level,
            @RequestParam(required = false) WarningRule rule, Model model) {
        StaffUser user = CurrentStaff.require();
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", Tab.values());
        model.addAttribute("level", level);
        model.addAttribute("rule", rule);
        model.addAttribute("levels", WarningLevel.values());
        model.addAttribute("rules", WarningRule.values());
        model.addAttribute("counts", warnings.openCounts(user));
        model.addAttribute("items", warnings.list(new Warnings.Filter(tab.statuses, level, rule), user));
        model.addAttribute("mayEvaluate", user.hasAny(Role.ADMIN, Role.SUPERVISOR));
        return "warning/list";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model) {
        StaffUser user = CurrentStaff.require();
        model.addAttribute("w", warnings.get(id, user));
        model.addAttribute("mayAct", user.hasAny(Role.LEADER, Role.SUPERVISOR));
        model.addAttribute("maxNote", Warnings.MAX_NOTE);
        return "warning/detail";
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return step(id, redirect, "warning.done.acknowledged", note,
                () -> warnings.acknowledge(id, note, CurrentStaff.require()));
    }

    @PostMapping("/{id}/handle")
    String handle(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return step(id, redirect, "warning.done.handled", note, () -> warnings.handle(id, note, CurrentStaff.require()));
    }

    @PostMapping("/evaluate")
    String evaluate(RedirectAttributes redirect) {
        Warnings.Evaluation e = warnings.evaluate(CurrentStaff.require());
        redirect.addFlashAttribute("done", text("warning.done.evaluated", e.found(), e.raised(), e.updated()));
        return "redirect:/warnings";
    }

    private String step(long id, RedirectAttributes redirect, String doneKey, String note, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", text(doneKey));
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            redirect.addFlashAttribute("error", p.chinese() != null && !isEnglish() ? p.chinese()
                    : p.english() != null && isEnglish() ? p.english() : text(p.messageKey(), p.args()));
            redirect.addFlashAttribute("note", note);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
        }
        return "redirect:/warnings/" + id;
    }

    private boolean isEnglish() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
