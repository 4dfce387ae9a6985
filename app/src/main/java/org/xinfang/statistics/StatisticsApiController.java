package org.xinfang.statistics;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;

/** REST: {@code /api/v1/statistics/**} — figures, drill-down lists and reports, within the caller's scope. */
@RestController
class StatisticsApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Indicators indicators;
    private final CaseLists cases;
    private final StatisticsReports reports;
    private final Clock clock;

    StatisticsApiController(Indicators indicators, CaseLists cases, StatisticsReports reports, Clock clock) {
        this.indicators = indicators;
        this.cases = cases;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/api/v1/statistics/figures")
    Figures figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit) {
        StatisticsRequest r = StatisticsRequest.parse(from, to, unit, clock);
        return indicators.of(r.period(), r.unitId(), CurrentStaff.require());
    }

    @GetMapping("/api/v1/statistics/cases")
    CaseLists.CaseList cases(@RequestParam(required = false) String measure, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
            @RequestParam Map<String, String> all) {
        StatisticsRequest r = StatisticsRequest.parse(from, to, unit, clock);
        return cases.list(StatisticsPages.measure(measure), r.period(), r.unitId(), StatisticsPages.narrowing(all),
                CurrentStaff.require());
    }

    /** What to generate: {@code {"kind","from","to","unitId"?}}. */
    record GenerateRequest(String kind, String from, String to, Long unitId) {
    }

    @PostMapping("/api/v1/statistics/reports")
    ResponseEntity<Map<String, Object>> generate(@RequestBody GenerateRequest body) {
        ReportKind kind = StatisticsPages.kind(body.kind());
        StatisticsRequest r = StatisticsRequest.parse(body.from(), body.to(),
                body.unitId() == null ? null : String.valueOf(body.unitId()), clock);
        long id = reports.generate(kind, r.period(), r.unitId(), CurrentStaff.require());
        return ResponseEntity.created(URI.create("/api/v1/statistics/reports/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/v1/statistics/reports")
    List<StatisticsReports.Summary> list() {
        return reports.list(CurrentStaff.require(), 200);
    }

    @GetMapping("/api/v1/statistics/reports/{id}")
    StatisticsReports.Report report(@PathVariable String id) {
        return reports.find(id(id), CurrentStaff.require());
    }

    @GetMapping("/api/v1/statistics/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        long n = id(id);
        return file(reports.pdf(n, CurrentStaff.require()), MediaType.APPLICATION_PDF, "report-" + n + ".pdf");
    }

    @GetMapping("/api/v1/statistics/reports/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String id) {
        long n = id(id);
        return file(reports.xlsx(n, CurrentStaff.require()), XLSX, "report-" + n + ".xlsx");
    }

    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new org.xinfang.shared.NotFoundException("statistics.report.notFound");
        }
    }

    static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }

}
