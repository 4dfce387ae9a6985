package org.xinfang.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinfang.deadline.CalendarAdmin;
import org.xinfang.deadline.DayCount;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.deadline.WorkingCalendar;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.DataScope;
import org.xinfang.organization.OrganizationAdmin;
import org.xinfang.organization.Role;
import org.xinfang.organization.UnitKind;
import org.xinfang.petition.Categories;
import org.xinfang.shared.ChinaTime;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 系统管理 (administrators only, by the URL rule in SecurityConfiguration): units and the territory tree,
 * accounts and roles, categories, the holiday calendar and the deadline rules. The changes themselves,
 * their validation and their audit entries belong to the owning modules' admin APIs.
 */
@Controller
class AdminController extends WorkbenchPage {

    private final OrganizationAdmin organization;
    private final CalendarAdmin calendar;
    private final Categories categories;
    private final Clock clock;

    AdminController(OrganizationAdmin organization, CalendarAdmin calendar, Categories categories, Clock clock) {
        this.organization = organization;
        this.calendar = calendar;
        this.categories = categories;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ units

    @GetMapping("/admin/units")
    String units(Model model) {
        return unitsPage(model, Map.of(), null, Map.of());
    }

    @PostMapping("/admin/units")
    String addUnit(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return change(() -> {
            long parent = longOf(form.get("parentId"), "parentId");
            organization.addUnit(parent, form.get("code"), form.get("name"), enumOf(UnitKind.class, form.get("kind"), "kind"),
                    form.get("function"), form.get("regionCode"));
            return "redirect:/admin/units";
        }, redirect, response, (errors, message) -> unitsPage(model, errors, message, form));
    }

    @PostMapping("/admin/units/{id}/rename")
    String renameUnit(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return change(() -> {
            organization.renameUnit(id, name);
            return "redirect:/admin/units";
        }, redirect, response, (errors, message) -> unitsPage(model, errors, message, Map.of()));
    }

    @PostMapping("/admin/units/{id}/active")
    String unitActive(@PathVariable long id, @RequestParam boolean active, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return change(() -> {
            organization.setUnitActive(id, active);
            return "redirect:/admin/units";
        }, redirect, response, (errors, message) -> unitsPage(model, errors, message, Map.of()));
    }

    private String unitsPage(Model model, Map<String, String> errors, String message, Map<String, String> form) {
        model.addAttribute("tree", organization.tree());
        model.addAttribute("kinds", UnitKind.values());
        return admin(model, "units", errors, message, form);
    }

    // ------------------------------------------------------------------ users

    @GetMapping("/admin/users")
    String users(@RequestParam(required = false) Long edit, Model model) {
        return usersPage(model, edit, Map.of(), null, Map.of());
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam Map<String, String> form, @RequestParam(name = "roles", required = false) List<String> roles,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(() -> {
            organization.createUser(form.get("username"), form.get("displayName"), longOf(form.get("unitId"), "unitId"),
                    roles(roles), enumOf(DataScope.class, form.get("scope"), "scope"), form.get("password"));
            return "redirect:/admin/users";
        }, redirect, response, (errors, message) -> usersPage(model, null, errors, message, form));
    }

    @PostMapping("/admin/users/{id}")
    String updateUser(@PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(name = "roles", required = false) List<String> roles, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return change(() -> {
            organization.updateUser(id, form.get("displayName"), longOf(form.get("unitId"), "unitId"), roles(roles),
                    enumOf(DataScope.class, form.get("scope"), "scope"), CurrentStaff.require());
            return "redirect:/admin/users";
        }, redirect, response, (errors, message) -> usersPage(model, id, errors, message, form));
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return change(() -> {
            organization.resetPassword(id, password);
            return "redirect:/admin/users?edit=" + id;
        }, redirect, response, (errors, message) -> usersPage(model, id, errors, message, Map.of()));
    }

    @PostMapping("/admin/users/{id}/enabled")
    String userEnabled(@PathVariable long id, @RequestParam boolean enabled, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return change(() -> {
            organization.setEnabled(id, enabled, CurrentStaff.require());
            return "redirect:/admin/users";
        }, redirect, response, (errors, message) -> usersPage(model, null, errors, message, Map.of()));
    }

    private String usersPage(Model model, Long edit, Map<String, String> errors, String message, Map<String, String> form) {
        model.addAttribute("accounts", organization.accounts());
        model.addAttribute("unitChoices", organization.tree().stream().filter(OrganizationAdmin.UnitEntry::active).toList());
        model.addAttribute("roleChoices", Role.values());
        model.addAttribute("scopes", DataScope.values());
        model.addAttribute("editing", edit == null ? null : organization.account(edit));
        return admin(model, "users", errors, message, form);
    }

    // ------------------------------------------------------------------ categories

    @GetMapping("/admin/categories")
    String categories(@RequestParam(required = false) String edit, Model model) {
        Map<String, String> form = Map.of();
        if (edit != null) {
            form = categories.everything().stream().filter(c -> c.code().equals(edit)).findFirst()
                    .map(c -> Map.of("code", c.code(), "name", c.name(), "parentCode", c.parentCode() == null ? "" : c.parentCode(),
                            "keyDomain", String.valueOf(c.keyDomain()), "active", String.valueOf(c.active())))
                    .orElse(Map.of());
        }
        return categoriesPage(model, Map.of(), null, form);
    }

    @PostMapping("/admin/categories")
    String saveCategory(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return change(() -> {
            String parentCode = form.get("parentCode") == null || form.get("parentCode").isBlank() ? null : form.get("parentCode");
            int level = 1;
            if (parentCode != null) {
                Categories.Category parent = categories.everything().stream().filter(c -> c.code().equals(parentCode))
                        .findFirst().orElseThrow(() -> new InvalidInputException("parentCode", "validation.required"));
                if (parent.level() >= 3 || parent.code().equals(form.get("code"))) {
                    throw new InvalidInputException("parentCode", "admin.category.depth");
                }
                level = parent.level() + 1;
            }
            categories.save(new Categories.Category(form.get("code") == null ? null : form.get("code").strip(), form.get("name"),
                    parentCode, level, "true".equals(form.get("keyDomain")), "true".equals(form.get("active"))));
            return "redirect:/admin/categories";
        }, redirect, response, (errors, message) -> categoriesPage(model, errors, message, form));
    }

    private String categoriesPage(Model model, Map<String, String> errors, String message, Map<String, String> form) {
        model.addAttribute("categoryRows", categories.everything());
        return admin(model, "categories", errors, message, form);
    }

    // ------------------------------------------------------------------ calendar and rules

    @GetMapping("/admin/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        return calendarPage(model, year, Map.of(), null, Map.of());
    }

    @PostMapping("/admin/calendar")
    String saveDay(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return change(() -> {
            LocalDate day = dateOf(form.get("day"), "day");
            calendar.saveDay(day, enumOf(WorkingCalendar.DayKind.class, form.get("kind"), "kind"), form.get("name"));
            return "redirect:/admin/calendar?year=" + day.getYear();
        }, redirect, response, (errors, message) -> calendarPage(model, null, errors, message, form));
    }

    @PostMapping("/admin/calendar/{day}/remove")
    String removeDay(@PathVariable String day, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return change(() -> {
            LocalDate d = dateOf(day, "day");
            calendar.removeDay(d);
            return "redirect:/admin/calendar?year=" + d.getYear();
        }, redirect, response, (errors, message) -> calendarPage(model, null, errors, message, Map.of()));
    }

    private String calendarPage(Model model, Integer year, Map<String, String> errors, String message,
            Map<String, String> form) {
        int shown = year != null && year > 1990 && year < 2200 ? year : LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
        model.addAttribute("year", shown);
        model.addAttribute("years", calendar.years());
        model.addAttribute("days", calendar.days(shown));
        model.addAttribute("dayKinds", WorkingCalendar.DayKind.values());
        return admin(model, "calendar", errors, message, form);
    }

    @GetMapping("/admin/rules")
    String rules(Model model) {
        return rulesPage(model, Map.of(), null, null);
    }

    @PostMapping("/admin/rules/{period}")
    String saveRule(@PathVariable String period, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return change(() -> {
            Integer days = form.get("days") == null || !form.get("days").strip().matches("\\d{1,4}") ? null
                    : Integer.valueOf(form.get("days").strip());
            calendar.saveRule(enumOf(StatutoryPeriod.class, period, "period"), days,
                    enumOf(DayCount.class, form.get("dayCount"), "dayCount"));
            return "redirect:/admin/rules";
        }, redirect, response, (errors, message) -> rulesPage(model, errors, message, period));
    }

    private String rulesPage(Model model, Map<String, String> errors, String message, String failedPeriod) {
        model.addAttribute("rules", calendar.rules());
        model.addAttribute("dayCounts", DayCount.values());
        model.addAttribute("failedPeriod", failedPeriod);
        return admin(model, "rules", errors, message, Map.of());
    }

    // ------------------------------------------------------------------ pieces

    /** Re-renders the page with the problems of a refused change. */
    private interface Refused {
        String page(Map<String, String> errors, String message);
    }

    /** Runs a change; on success the page reloads with a notice, on refusal it shows why next to the form. */
    private String change(Supplier<String> action, RedirectAttributes redirect, HttpServletResponse response, Refused refused) {
        try {
            String target = action.get();
            redirect.addFlashAttribute("notice", text().get("admin.saved"));
            return target;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return refused.page(text().fieldErrors(e), text().get("error.badInput"));
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return refused.page(Map.of(), text().of(e));
        } catch (DataIntegrityViolationException e) {
            // e.g. two categories of one parent with the same name
            response.setStatus(HttpStatus.CONFLICT.value());
            return refused.page(Map.of(), text().get("admin.duplicate"));
        }
    }

    private String admin(Model model, String section, Map<String, String> errors, String message, Map<String, String> form) {
        model.addAttribute("section", section);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("form", form);
        return "admin/" + section;
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String n : names) {
                for (Role r : Role.values()) {
                    if (r.name().equals(n)) {
                        roles.add(r);
                    }
                }
            }
        }
        return roles;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new InvalidInputException(List.of(FieldProblem.of(field, "validation.required")));
    }

    private static long longOf(String value, String field) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "validation.required");
        }
    }

    private static LocalDate dateOf(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "validation.required");
        }
    }
}
