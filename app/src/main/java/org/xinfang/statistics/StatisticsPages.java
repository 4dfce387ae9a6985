package org.xinfang.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;
import org.xinfang.organization.Unit;
import org.xinfang.organization.Units;
import org.xinfang.shared.FieldProblem;
import org.xinfang.shared.InvalidInputException;
import org.xinfang.shared.NotFoundException;

import tools.jackson.databind.json.JsonMapper;

/** The workbench pages: the dashboard {@code /statistics}, drill-down lists, the reports. */
@Controller
class StatisticsPages {

    private final Indicators indicators;
    private final CaseLists cases;
    private final StatisticsReports reports;
    private final Units units;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    StatisticsPages(Indicators indicators, CaseLists cases, StatisticsReports reports, Units units, MessageSource messages,
            JsonMapper json, Clock clock) {
        this.indicators = indicators;
        this.cases = cases;
        this.reports = reports;
        this.units = units;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/statistics")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, Model model) {
        StaffUser user = CurrentStaff.require();
        StatisticsRequest r = StatisticsRequest.parse(from, to, unit, clock);
        Figures f = indicators.of(r.period(), r.unitId(), user);
        model.addAttribute("f", f);
        model.addAttribute("computedAt", f.computedAt().atZone(org.xinfang.shared.ChinaTime.ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        model.addAttribute("q", ReportComposer.query(f));
        model.addAttribute("units", unitChoices(user));
        model.addAttribute("heat", heat(f, user));
        model.addAttribute("chartData", json.writeValueAsString(charts(f)));
        return "statistics/dashboard";
    }

    @GetMapping("/statistics/cases")
    String caseList(@RequestParam(required = false) String measure, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam Map<String, String> all, Model model) {
        StatisticsRequest r = StatisticsRequest.parse(from, to, unit, clock);
        CaseLists.Measure m = measure(measure);
        model.addAttribute("list", cases.list(m, r.period(), r.unitId(), narrowing(all), CurrentStaff.require()));
        model.addAttribute("period", r.period());
        model.addAttribute("backHref", "/statistics?from=" + r.period().from() + "&to=" + r.period().to()
                + (r.unitId() == null ? "" : "&unit=" + r.unitId()));
        return "statistics/cases";
    }

    @GetMapping("/statistics/reports")
    String reportList(Model model) {
        StaffUser user = CurrentStaff.require();
        LocalDate today = reports.today();
        model.addAttribute("reports", reports.list(user, 100));
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("units", unitChoices(user));
        model.addAttribute("defaultFrom", today.withDayOfMonth(1).minusMonths(1));
        model.addAttribute("defaultTo", today.withDayOfMonth(1).minusDays(1));
        return "statistics/reports";
    }

    @PostMapping("/statistics/reports")
    String generate(@RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit) {
        StatisticsRequest r = StatisticsRequest.parse(from, to, unit, clock);
        long id = reports.generate(kind(kind), r.period(), r.unitId(), CurrentStaff.require());
        return "redirect:/statistics/reports/" + id;
    }

    @GetMapping("/statistics/reports/{id}")
    String report(@PathVariable String id, Model model) {
        model.addAttribute("report", reports.find(StatisticsApiController.id(id), CurrentStaff.require()));
        return "statistics/report";
    }

    @GetMapping("/statistics/reports/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        long n = StatisticsApiController.id(id);
        return StatisticsApiController.file(reports.pdf(n, CurrentStaff.require()), MediaType.APPLICATION_PDF,
                "report-" + n + ".pdf");
    }

    @GetMapping("/statistics/reports/{id}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String id) {
        long n = StatisticsApiController.id(id);
        return StatisticsApiController.file(reports.xlsx(n, CurrentStaff.require()), StatisticsApiController.XLSX,
                "report-" + n + ".xlsx");
    }

    // ------------------------------------------------------------------ page pieces

    /** The units a user may report on: their visible tree, territories and offices above the community level. */
    private List<Unit> unitChoices(StaffUser user) {
        return units.visibleTree(user).stream()
                .filter(u -> u.level().ordinal() <= org.xinfang.organization.UnitLevel.TOWNSHIP.ordinal()).toList();
    }

    /** One row of the territory heat table; {@code heat} 0–100 is the volume against the busiest district. */
    record HeatRow(String code, String name, long unitId, long received, long heat, Rate completion, Rate satisfaction,
            long overdue) {
    }

    /**
     * The territory heat table: the districts and counties in the caller's scope with their volume (by the
     * place the petition is about) and the timeliness, satisfaction and overdue duties of the units inside them.
     */
    private List<HeatRow> heat(Figures f, StaffUser user) {
        Map<String, Long> received = new LinkedHashMap<>();
        f.byTerritory().forEach(s -> received.put(s.key(), s.count()));
        long max = Math.max(1, received.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Unit> tree = units.visibleTree(user);
        Map<Long, Unit> byId = new LinkedHashMap<>();
        tree.forEach(u -> byId.put(u.id(), u));
        List<HeatRow> rows = new ArrayList<>();
        for (Unit t : tree) {
            if (!t.isTerritory() || t.level() != org.xinfang.organization.UnitLevel.DISTRICT) {
                continue;
            }
            Rate completion = Rate.NONE;
            Rate satisfaction = Rate.NONE;
            long overdue = 0;
            for (Figures.UnitFigures u : f.ranking()) {
                Unit unit = byId.get(u.unitId());
                if (unit != null && t.contains(unit)) {
                    completion = completion.plus(u.onTimeCompletion());
                    satisfaction = satisfaction.plus(u.satisfaction());
                    overdue += u.overdueNow();
                }
            }
            long n = received.getOrDefault(t.regionCode(), 0L);
            rows.add(new HeatRow(t.regionCode(), t.name(), t.id(), n, Math.round(100.0 * n / max), completion,
                    satisfaction, overdue));
        }
        return rows;
    }

    /** What the charts draw, handed to static/js/statistics.js as JSON in a data attribute (no inline script). */
    private Map<String, Object> charts(Figures f) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("days", f.daily().stream().map(d -> d.date().toString().substring(5)).toList());
        c.put("received", f.daily().stream().map(Figures.Day::received).toList());
        c.put("replied", f.daily().stream().map(Figures.Day::replied).toList());
        c.put("channels", f.byChannel().stream().map(s -> Map.of("name", s.label(), "value", s.count())).toList());
        c.put("categories", f.byCategory().stream().limit(10).map(s -> Map.of("name", s.label(), "value", s.count())).toList());
        c.put("health", Map.of("onTrack", f.health().onTrack(), "approaching", f.health().approaching(),
                "overdue", f.health().overdue()));
        return c;
    }

    // ------------------------------------------------------------------ parameters

    static CaseLists.Measure measure(String text) {
        try {
            return CaseLists.Measure.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("measure", "statistics.validation.measure");
        }
    }

    static ReportKind kind(String text) {
        try {
            return ReportKind.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "statistics.validation.kind");
        }
    }

    static CaseLists.Narrowing narrowing(Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        Long holder = null;
        if (blank(all.get("holder")) != null) {
            try {
                holder = Long.valueOf(all.get("holder").strip());
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("holder", "validation.unit.unknown"));
            }
        }
        LocalDate day = blank(all.get("day")) == null ? null : StatisticsRequest.date("day", all.get("day"), null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CaseLists.Narrowing(blank(all.get("channel")), blank(all.get("type")), all.get("category"),
                blank(all.get("territory")), holder, day);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------ failures as pages

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView badInput(InvalidInputException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> texts = e.problems().stream()
                .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).toList();
        return problem(HttpStatus.BAD_REQUEST, String.join(" ", texts));
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, messages.getMessage("statistics.report.notFound", null,
                LocaleContextHolder.getLocale()));
    }

    private static ModelAndView problem(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        page.addObject("staff", CurrentStaff.get().orElse(null));
        return page;
    }
}
