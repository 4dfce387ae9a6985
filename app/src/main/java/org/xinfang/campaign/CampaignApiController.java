package org.xinfang.campaign;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.campaign.CampaignViews.CaseAssignment;
import org.xinfang.campaign.CampaignViews.NewCampaign;
import org.xinfang.campaign.CampaignViews.NewDispatch;
import org.xinfang.campaign.DisputeViews.Conversion;
import org.xinfang.campaign.DisputeViews.NewDispute;
import org.xinfang.campaign.DisputeViews.Progress;
import org.xinfang.organization.CurrentStaff;

/**
 * REST for campaigns ({@code /api/v1/campaigns/**}, supervisors and leaders) and the dispute register
 * ({@code /api/v1/disputes/**}, case-working roles); the roles are set in the security configuration,
 * the organisation scope in {@link Campaigns} and {@link Disputes}.
 */
@RestController
@RequestMapping("/api/v1")
class CampaignApiController {

    /** Which petitions to include in a campaign. */
    record Inclusion(List<String> numbers) {
    }

    /** How a campaign case is closed. */
    record Closure(String ground, String note) {
    }

    private final Campaigns campaigns;
    private final Disputes disputes;

    CampaignApiController(Campaigns campaigns, Disputes disputes) {
        this.campaigns = campaigns;
        this.disputes = disputes;
    }

    @GetMapping("/campaigns")
    List<CampaignViews.Summary> list() {
        return campaigns.list(CurrentStaff.require());
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody NewCampaign body) {
        return Map.of("id", campaigns.create(body, CurrentStaff.require()));
    }

    @GetMapping("/campaigns/{id}")
    CampaignViews.Detail detail(@PathVariable long id) {
        return campaigns.detail(id, CurrentStaff.require());
    }

    @PostMapping("/campaigns/{id}/finish")
    Map<String, Object> finish(@PathVariable long id) {
        campaigns.finish(id, CurrentStaff.require());
        return Map.of("id", id, "status", "FINISHED");
    }

    @GetMapping("/campaigns/{id}/candidates")
    List<CampaignViews.Candidate> candidates(@PathVariable long id) {
        return campaigns.preview(id, CurrentStaff.require());
    }

    @PostMapping("/campaigns/{id}/cases")
    Map<String, Object> include(@PathVariable long id, @RequestBody Inclusion body) {
        return Map.of("included", campaigns.include(id, body.numbers(), CurrentStaff.require()));
    }

    @PostMapping("/campaigns/{id}/cases/{number}/plan")
    Map<String, Object> plan(@PathVariable long id, @PathVariable String number, @RequestBody CaseAssignment body) {
        campaigns.assign(id, number, body, CurrentStaff.require());
        return Map.of("petitionNumber", number);
    }

    @PostMapping("/campaigns/{id}/cases/{number}/close")
    Map<String, Object> close(@PathVariable long id, @PathVariable String number, @RequestBody Closure body) {
        campaigns.close(id, number, body.ground(), body.note(), CurrentStaff.require());
        return Map.of("petitionNumber", number, "status", "CLOSED");
    }

    @PostMapping("/campaigns/{id}/dispatches")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> dispatch(@PathVariable long id, @RequestBody NewDispatch body) {
        return Map.of("id", campaigns.dispatch(id, body, CurrentStaff.require()));
    }

    @GetMapping("/campaigns/{id}/progress")
    CampaignViews.ProgressTable progress(@PathVariable long id) {
        return campaigns.progress(id, CurrentStaff.require());
    }

    @GetMapping("/campaigns/{id}/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return workbook(campaigns.detail(id, CurrentStaff.require()));
    }

    static ResponseEntity<byte[]> workbook(CampaignViews.Detail d) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("积案攻坚进度-" + d.summary().id() + ".xlsx", java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(CampaignWorkbook.of(d));
    }

    // ------------------------------------------------------------------ disputes

    @GetMapping("/disputes")
    List<DisputeViews.Row> disputes(@RequestParam(required = false) String status) {
        return disputes.list(status, CurrentStaff.require());
    }

    @PostMapping("/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> record(@RequestBody NewDispute body) {
        return Map.of("number", disputes.record(body, CurrentStaff.require()));
    }

    @GetMapping("/disputes/{number}")
    DisputeViews.Detail dispute(@PathVariable String number) {
        return disputes.detail(number, CurrentStaff.require());
    }

    @PostMapping("/disputes/{number}/progress")
    Map<String, Object> progress(@PathVariable String number, @RequestBody Progress body) {
        disputes.progress(number, body, CurrentStaff.require());
        return Map.of("number", number);
    }

    @PostMapping("/disputes/{number}/conversion")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> convert(@PathVariable String number, @RequestBody Conversion body) {
        return Map.of("number", number, "petitionNumber", disputes.convert(number, body, CurrentStaff.require()));
    }
}
