package org.xinfang.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import tools.jackson.databind.JsonNode;

/**
 * Every written step of a petition leaves its official document, made when the step happens, stored with
 * the case, and readable back from the PDF (fonts embedded) and the DOCX.
 */
@XinfangTest
class DocumentStoryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Cases cases;

    @BeforeEach
    void setUp() {
        cases = new Cases(port, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_assigned_petition_answered_reviewed_and_rechecked_leaves_every_notice_in_pdf_and_docx() {
        Cases.at(clock, "2026-03-02", 9);
        JsonNode receipt = cases.register(Cases.letter("王小明", "小区停车位收费不合理",
                "我是翠湖社区居民，小区物业自今年起将地面停车位月租从100元提高到300元，未经业主大会同意。"
                        + "请求有关部门核查物业收费依据，并责令物业退还多收的停车费。", "APPEAL"));
        String number = receipt.get("number").asString();
        String code = receipt.get("queryCode").asString();
        String bureau = cases.unitName("990100-XFJ");
        String housing = cases.unitName("990102-ZJJ");
        // a territory signs as its people's government
        String district = jdbc.sql("SELECT name FROM organization.unit WHERE kind = 'TERRITORY' AND region_code = '990102'")
                .query(String.class).single() + "人民政府";
        String city = jdbc.sql("SELECT name FROM organization.unit WHERE kind = 'TERRITORY' AND region_code = '990100'")
                .query(String.class).single() + "人民政府";
        cases.documentsOnceThere("clerk", number, "REGISTRATION_FORM");

        Cases.at(clock, "2026-03-04", 10);
        cases.step("clerk", number, "route", Map.of("mode", "ASSIGN", "unitId", cases.unitId("990102-ZJJ"),
                "feedbackDueAt", "2026-04-30T17:00:00+08:00"));
        cases.documentsOnceThere("clerk", number, "ASSIGNMENT_SLIP");
        Cases.at(clock, "2026-03-09", 10);
        cases.step("handler", number, "accept", null);
        cases.documentsOnceThere("handler", number, "ACCEPTANCE_NOTICE");
        Cases.at(clock, "2026-04-20", 10);
        cases.step("handler", number, "extend", Map.of("days", 30, "reason", "需要住建、市场监管部门联合核查物业收费备案情况"));
        cases.step("approver", number, "approve", Map.of("decision", "APPROVE"));
        cases.documentsOnceThere("handler", number, "EXTENSION_NOTICE");
        Cases.at(clock, "2026-05-20", 15);
        cases.step("handler", number, "reply", Map.of("outcome", "SUPPORTED", "text",
                "经调查核实，该物业公司调整停车费未经业主大会表决。根据《物业管理条例》第十一条的规定，已责令物业公司恢复原收费标准，"
                        + "并退还多收的停车费。"));
        cases.step("approver", number, "approve", Map.of("decision", "APPROVE"));
        cases.documentsOnceThere("handler", number, "REPLY_OPINION", "COMPLETION_REPORT");
        Cases.at(clock, "2026-05-25", 9);
        Api.Response asked = new Api(port).post("/api/v1/public/petitions/" + number + "/review-requests",
                Map.of("queryCode", code, "reason", "物业至今未退还多收费用"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Cases.at(clock, "2026-06-10", 9);
        cases.step("reviewer", number, "review-answer", Map.of("outcome", "UPHELD",
                "text", "经复查，原处理意见认定事实清楚，处理适当。物业公司已于6月5日退还多收费用。"));
        cases.documentsOnceThere("reviewer", number, "REVIEW_OPINION");
        Cases.at(clock, "2026-06-15", 9);
        asked = new Api(port).post("/api/v1/public/petitions/" + number + "/review-requests",
                Map.of("queryCode", code, "reason", "要求赔偿损失"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Cases.at(clock, "2026-07-01", 9);
        cases.step("leader", number, "review-answer", Map.of("outcome", "UPHELD",
                "text", "经复核，复查意见认定事实清楚，适用依据正确，予以维持。"));
        JsonNode docs = cases.documentsOnceThere("leader", number, "RECHECK_OPINION");

        String name = "王小明";
        Map<String, List<String>> expected = Map.of(
                "REGISTRATION_FORM", List.of("信访事项登记表", number, name, "来信", "二〇二六年三月二日", "停车位月租", "初信初访"),
                "ASSIGNMENT_SLIP", List.of("信访事项交办单", number, bureau, housing, "二〇二六年四月三十日", "办结报告",
                        "示信访交〔2026〕", "二〇二六年三月四日"),
                "ACCEPTANCE_NOTICE", List.of(housing, "信访事项受理告知书", name + "：", "二〇二六年三月二日", "经" + bureau + "交办本机关",
                        "予以受理", "60日内", "二〇二六年三月九日", "〔2026〕"),
                "EXTENSION_NOTICE", List.of("延期办理告知书", "联合核查物业收费备案情况", "延长30日", "二〇二六年六月八日",
                        "二〇二六年四月二十日"),
                "REPLY_OPINION", List.of("处理意见书", "经调查核实", "《物业管理条例》第十一条", "处理结果：予以支持",
                        "30日内向" + district + "书面提出复查申请", "二〇二六年五月二十日", "〔2026〕"),
                "COMPLETION_REPORT", List.of("办理情况的报告", bureau + "：", "交办", "处理结果为“予以支持”", "特此报告", "承办人"),
                "REVIEW_OPINION", List.of(district, "信访事项复查意见书", "物业至今未退还多收费用", "复查结论：维持原处理意见",
                        "30日内向" + city + "书面提出复核申请"),
                "RECHECK_OPINION", List.of(city, "信访事项复核意见书", "要求赔偿损失", "复核结论：维持原复查意见", "终结意见", "不再受理"));

        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            JsonNode doc = Cases.ofKind(docs, e.getKey());
            assertThat(doc.get("templateVersion").asInt()).isPositive(); // which version: DocumentAccessTests
            String base = "/api/v1/petitions/" + number + "/documents/" + doc.get("id").asString();
            Cases.Download pdf = cases.download("leader", base + "?format=pdf");
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.disposition()).contains("attachment");
            String pdfText = Cases.pdfText(pdf.body());
            assertThat(pdfText).as(e.getKey() + " PDF").contains(e.getValue());
            Map<String, Boolean> fonts = Cases.pdfFonts(pdf.body());
            assertThat(fonts).as(e.getKey() + " fonts").isNotEmpty().doesNotContainValue(false);
            assertThat(fonts.keySet()).as(e.getKey() + " fonts").anyMatch(f -> f.contains("UKai"));

            Cases.Download docx = cases.download("leader", base + "?format=docx");
            assertThat(docx.status()).isEqualTo(200);
            assertThat(docx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
            assertThat(Cases.docxText(docx.body())).as(e.getKey() + " DOCX").contains(e.getValue());
            assertThat(new String(docx.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).isNotEmpty();
            if (e.getKey().equals("REPLY_OPINION")) {
                Cases.pageImage(pdf.body(), "document-reply-opinion");
                assertThat(fonts.keySet()).anyMatch(f -> f.contains("UMing"));
            }
            if (e.getKey().equals("ASSIGNMENT_SLIP")) {
                Cases.pageImage(pdf.body(), "document-assignment-slip");
            }
            if (e.getKey().equals("ACCEPTANCE_NOTICE")) {
                Cases.pageImage(pdf.body(), "document-acceptance-notice");
            }
        }
    }
}
