package org.xinfang.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinfang.campaign.CampaignCases.has;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.deadline.Clocks;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * 积案专项攻坚 as a bureau runs it: the supervisor opens a campaign whose rules pick the old unresolved
 * matters, includes them, plans each case with its leader and "三到位一处理" class, dispatches progress, and
 * may close a case only when the petitioner has stopped petitioning or the matter has a final conclusion.
 */
@XinfangTest
class CampaignStoryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Clocks clocks;

    @Autowired
    Campaigns campaigns;

    CampaignCases cases;

    @BeforeEach
    void setUp() {
        cases = new CampaignCases(port, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long openCampaign(String name, Map<String, Object> rules) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        Api.Response r = cases.as("supervisor").post("/api/v1/campaigns", Map.of("name", name,
                "startsOn", today.toString(), "endsOn", today.plusMonths(3).toString(), "rules", rules));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static Map<String, Object> plan(String cls) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("responsibleLeader", "陈志远");
        plan.put("plan", "区住建局牵头，约见信访人，核实维修基金使用情况，限期整改。");
        plan.put("measures", "组织业主代表座谈；第三方审计；公示结果。");
        plan.put("dueOn", LocalDate.now().plusMonths(2).toString());
        if (cls != null) {
            plan.put("resolutionClass", cls);
        }
        return plan;
    }

    @Test
    void a_campaign_selects_the_old_unresolved_matters_of_its_territory_by_rule() {
        Instant now = clock.instant();
        String old = cases.letter(now, 400, "990102001", "小区维修基金多年未公开");
        cases.inProgress(old);
        String oldButRecent = cases.letter(now, 30, "990102001", "小区路灯损坏");
        String oldElsewhere = cases.letter(now, 500, "990103001", "西山区拆迁补偿未兑现");
        String oldAndDeclined = cases.letter(now, 420, "990102001", "要求撤销已生效判决");
        cases.step("clerk", oldAndDeclined, "route", Map.of("mode", "FORWARD", "unitId", cases.unitId("990102-ZJJ")));
        cases.step("handler", oldAndDeclined, "decline", Map.of("ground", "LEGAL_CHANNEL", "note", "已进入诉讼程序"));
        cases.step("approver", oldAndDeclined, "approve", Map.of("decision", "APPROVE"));
        assertThat(cases.status(oldAndDeclined)).isEqualTo("NOT_ACCEPTED");
        long id = openCampaign("东湖区信访积案化解攻坚", Map.of("minAgeDays", 365, "regionCode", "990102"));

        JsonNode candidates = cases.as("supervisor").get("/api/v1/campaigns/" + id + "/candidates").json();

        assertThat(has(candidates, "number", old)).as("old, unresolved, in 东湖区").isTrue();
        assertThat(has(candidates, "number", oldButRecent)).as("only 30 days old").isFalse();
        assertThat(has(candidates, "number", oldElsewhere)).as("in 西山区").isFalse();
        assertThat(has(candidates, "number", oldAndDeclined)).as("not accepted: nothing left unresolved").isFalse();
        for (JsonNode c : candidates) {
            assertThat(c.get("ageDays").asLong()).isGreaterThanOrEqualTo(365);
        }

        Api.Response wrong = cases.as("supervisor").post("/api/v1/campaigns/" + id + "/cases",
                Map.of("numbers", List.of(old, oldButRecent)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.fieldErrors().get("numbers")).contains(oldButRecent).doesNotContain(old);
        assertThat(jdbc.sql("SELECT count(*) FROM campaign.campaign_case WHERE campaign_id = ?").param(id)
                .query(Integer.class).single()).as("nothing half-saved").isZero();

        Api.Response included = cases.as("supervisor").post("/api/v1/campaigns/" + id + "/cases",
                Map.of("numbers", List.of(old)));
        assertThat(included.status()).as(included.body()).isEqualTo(200);
        JsonNode detail = cases.as("supervisor").get("/api/v1/campaigns/" + id).json();
        assertThat(has(detail.get("cases"), "petitionNumber", old)).isTrue();
        // the unit holding the case is told in its workbench
        assertThat(jdbc.sql("SELECT count(*) FROM notification.staff_notice WHERE unit_id = ? AND title LIKE ?")
                .params(cases.unitId("990102-ZJJ"), "%" + old + "%已纳入积案专项攻坚%").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(detail.get("rulesText").asString()).contains("受理满 365 天").contains("东湖区");
    }

    @Test
    void a_campaign_case_closes_only_on_stopped_petitioning_or_a_lawful_final_conclusion() throws InterruptedException {
        Instant now = clock.instant();
        String stillOpen = cases.letter(now, 700, "990102002", "物业公司侵占公共收益");
        cases.inProgress(stillOpen);
        String answered = cases.letter(now, 700, "990102002", "回迁安置面积不足");
        cases.answered(answered);
        long id = openCampaign("回迁安置积案攻坚", Map.of("minAgeDays", 600, "regionCode", "990102002"));
        Api supervisor = cases.as("supervisor");
        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/cases",
                Map.of("numbers", List.of(stillOpen, answered))).status()).isEqualTo(200);

        // without the "三到位一处理" class the case cannot be closed at all
        Api.Response noClass = supervisor.post("/api/v1/campaigns/" + id + "/cases/" + stillOpen + "/close",
                Map.of("ground", "STOPPED_PETITIONING", "note", "信访人签署息诉罢访承诺书"));
        assertThat(noClass.status()).isEqualTo(409);
        assertThat(noClass.json().get("detail").asString()).contains("三到位一处理");

        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/cases/" + stillOpen + "/plan",
                plan("UNREASONABLE_EDUCATED")).status()).isEqualTo(200);
        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/cases/" + answered + "/plan",
                plan("REASONABLE_RESOLVED")).status()).isEqualTo(200);

        // a matter still being handled has no final conclusion
        Api.Response notFinal = supervisor.post("/api/v1/campaigns/" + id + "/cases/" + stillOpen + "/close",
                Map.of("ground", "FINAL_CONCLUSION"));
        assertThat(notFinal.status()).isEqualTo(409);
        assertThat(notFinal.json().get("detail").asString()).contains("办理中").contains("尚未依法终结");
        // nor does a reply whose 复查 window is still open
        Api.Response replied = supervisor.post("/api/v1/campaigns/" + id + "/cases/" + answered + "/close",
                Map.of("ground", "FINAL_CONCLUSION"));
        assertThat(replied.status()).isEqualTo(409);
        // 停访息诉 must say how it was confirmed
        Api.Response unconfirmed = supervisor.post("/api/v1/campaigns/" + id + "/cases/" + stillOpen + "/close",
                Map.of("ground", "STOPPED_PETITIONING", "note", " "));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.fieldErrors()).containsKey("note");
        assertThat(jdbc.sql("SELECT count(*) FROM campaign.campaign_case WHERE campaign_id = ? AND status = 'CLOSED'")
                .param(id).query(Integer.class).single()).isZero();

        Api.Response stopped = supervisor.post("/api/v1/campaigns/" + id + "/cases/" + stillOpen + "/close",
                Map.of("ground", "STOPPED_PETITIONING", "note", "2026年回访，信访人签署息诉罢访承诺书"));
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/cases/" + stillOpen + "/close",
                Map.of("ground", "STOPPED_PETITIONING", "note", "again")).status()).isEqualTo(409);

        // 30 days pass without a 复查 request: the reply stands and the matter is closed in law
        clock.advance(Duration.ofDays(40));
        clocks.scan();
        Instant until = Instant.now().plusSeconds(20);
        while (!cases.status(answered).equals("CLOSED") && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(cases.status(answered)).isEqualTo("CLOSED");
        supervisor = cases.as("supervisor"); // 40 days on, the morning's token has long expired
        Api.Response concluded = supervisor.post("/api/v1/campaigns/" + id + "/cases/" + answered + "/close",
                Map.of("ground", "FINAL_CONCLUSION", "note", "答复期满未申请复查"));
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);

        JsonNode detail = supervisor.get("/api/v1/campaigns/" + id).json();
        assertThat(detail.get("summary").get("closed").asInt()).isEqualTo(2);
    }

    @Test
    void dispatch_rounds_build_the_progress_table() throws Exception {
        Instant now = clock.instant();
        String a = cases.letter(now, 900, "990102101", "老旧小区加装电梯纠纷");
        String b = cases.letter(now, 900, "990102101", "农贸市场搬迁补偿");
        long id = openCampaign("老旧小区积案攻坚", Map.of("minAgeDays", 880, "regionCode", "990102101"));
        Api supervisor = cases.as("supervisor");
        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/cases", Map.of("numbers", List.of(a, b))).status())
                .isEqualTo(200);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));

        Api.Response first = supervisor.post("/api/v1/campaigns/" + id + "/dispatches", Map.of(
                "heldOn", today.minusDays(14).toString(), "note", "第一次调度会",
                "progress", List.of(Map.of("petitionNumber", a, "stage", "INVESTIGATING", "note", "已约见信访人"),
                        Map.of("petitionNumber", b, "stage", "NOT_STARTED"))));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Api.Response second = supervisor.post("/api/v1/campaigns/" + id + "/dispatches", Map.of(
                "heldOn", today.toString(),
                "progress", List.of(Map.of("petitionNumber", a, "stage", "RESOLVED", "note", "达成加装协议"))));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        Api.Response bad = supervisor.post("/api/v1/campaigns/" + id + "/dispatches", Map.of(
                "heldOn", today.plusDays(3).toString(),
                "progress", List.of(Map.of("petitionNumber", "XF000", "stage", "RESOLVED"),
                        Map.of("petitionNumber", a, "stage", "FLYING"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldErrors()).containsKeys("heldOn", "progress[0].petitionNumber", "progress[1].stage");

        JsonNode table = supervisor.get("/api/v1/campaigns/" + id + "/progress").json();
        assertThat(table.get("rounds")).hasSize(2);
        assertThat(table.get("rounds").get(0).get("heldOn").asString()).isEqualTo(today.minusDays(14).toString());
        JsonNode rowA = row(table, a);
        JsonNode rowB = row(table, b);
        assertThat(rowA.get("cells").get(0).get("stageLabel").asString()).isEqualTo("调查核实");
        assertThat(rowA.get("cells").get(1).get("stageLabel").asString()).isEqualTo("已化解");
        assertThat(rowB.get("cells").get(0).get("stageLabel").asString()).isEqualTo("未启动");
        assertThat(rowB.get("cells").get(1).isNull()).as("b was not reported in round 2").isTrue();
        assertThat(table.get("stageCounts").get(0).get("INVESTIGATING").asInt()).isEqualTo(1);
        assertThat(table.get("stageCounts").get(0).get("NOT_STARTED").asInt()).isEqualTo(1);
        assertThat(table.get("stageCounts").get(1).get("RESOLVED").asInt()).isEqualTo(1);
        JsonNode detail = supervisor.get("/api/v1/campaigns/" + id).json();
        for (JsonNode c : detail.get("cases")) {
            assertThat(c.get("latestStageLabel") == null ? null : c.get("latestStageLabel").asString())
                    .isEqualTo(c.get("petitionNumber").asString().equals(a) ? "已化解" : "未启动");
        }

        // the report workbook carries the same table
        Api.Response xlsx = supervisor.get("/api/v1/campaigns/" + id + "/report.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        byte[] bytes = CampaignWorkbook.of(campaigns.detail(id, staff("supervisor")));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet progress = book.getSheet("调度进度表");
            assertThat(progress.getRow(2).getCell(3).getStringCellValue()).startsWith("第1次调度");
            boolean found = false;
            for (int r = 3; r <= progress.getLastRowNum(); r++) {
                if (a.equals(progress.getRow(r).getCell(0).getStringCellValue())) {
                    assertThat(progress.getRow(r).getCell(4).getStringCellValue()).isEqualTo("已化解：达成加装协议");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        // a campaign is its organisers' business: a district handler has no access
        assertThat(cases.as("handler").get("/api/v1/campaigns/" + id).status()).isEqualTo(403);

        // once finished, the campaign keeps its report but takes no more rounds
        assertThat(supervisor.post("/api/v1/campaigns/" + id + "/finish", Map.of()).status()).isEqualTo(200);
        Api.Response late = supervisor.post("/api/v1/campaigns/" + id + "/dispatches", Map.of("heldOn", today.toString(),
                "progress", List.of(Map.of("petitionNumber", b, "stage", "RESOLVING"))));
        assertThat(late.status()).isEqualTo(409);
        assertThat(supervisor.get("/api/v1/campaigns/" + id + "/progress").json().get("rounds")).hasSize(2);
    }

    private static JsonNode row(JsonNode table, String number) {
        for (JsonNode r : table.get("rows")) {
            if (r.get("petitionNumber").asString().equals(number)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + number);
    }

    /** The city 信访局's supervisor, as the service sees them. */
    private org.xinfang.organization.StaffUser staff(String username) {
        long unitId = cases.unitId("990100-XFJ");
        return new org.xinfang.organization.StaffUser(0, username, "张建国", unitId, "示范市信访局",
                java.util.Set.of(org.xinfang.organization.Role.SUPERVISOR),
                org.xinfang.organization.DataScope.TERRITORY_AND_BELOW);
    }
}
