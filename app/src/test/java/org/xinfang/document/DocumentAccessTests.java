package org.xinfang.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Who may have which document: staff whose scope reaches the petition, petitioners with their query code
 * for what is addressed to them, nobody else — every download audited. Also the notices of a decline,
 * the 督办单 on demand, administrators' templates with a seal, and the 台账.
 */
@XinfangTest
class DocumentAccessTests {

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

    /** A petition forwarded to 东湖区住建局 and accepted there; returns number and query code. */
    private String[] forwardedAndAccepted(String name, String title) {
        JsonNode receipt = cases.register(Cases.letter(name, title,
                "翠湖路路灯损坏多日无人维修，夜间出行很不安全，希望尽快修复路灯。", "APPEAL"));
        String number = receipt.get("number").asString();
        cases.step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", cases.unitId("990102-ZJJ")));
        cases.step("handler", number, "accept", null);
        cases.documentsOnceThere("handler", number, "REGISTRATION_FORM", "FORWARDING_SLIP", "ACCEPTANCE_NOTICE");
        return new String[] { number, receipt.get("queryCode").asString() };
    }

    @Test
    void staff_outside_the_scope_see_no_documents_and_petitioners_only_theirs_with_the_right_code() {
        String[] p = forwardedAndAccepted("李春华", "翠湖路路灯损坏");
        String number = p[0];
        String code = p[1];
        JsonNode docs = cases.documentsOnceThere("handler", number, "ACCEPTANCE_NOTICE");
        String notice = Cases.ofKind(docs, "ACCEPTANCE_NOTICE").get("id").asString();
        String form = Cases.ofKind(docs, "REGISTRATION_FORM").get("id").asString();

        // 西山区住建局 has nothing to do with this petition: it does not exist for them
        assertThat(cases.as("handler2").get("/api/v1/petitions/" + number + "/documents").status()).isEqualTo(404);
        assertThat(cases.download("handler2", "/api/v1/petitions/" + number + "/documents/" + notice).status()).isEqualTo(404);
        // an administrator works on no cases
        assertThat(cases.as("admin").get("/api/v1/petitions/" + number + "/documents").status()).isEqualTo(403);
        // no account, no staff download
        assertThat(cases.download(null, "/api/v1/petitions/" + number + "/documents/" + notice).status()).isEqualTo(401);
        assertThat(cases.download("clerk", "/api/v1/petitions/" + number + "/documents/" + notice + "?format=odt").status())
                .isEqualTo(400);

        String pub = "/api/v1/public/petitions/" + number + "/documents";
        Api.Response listed = new Api(port).get(pub + "?queryCode=" + code);
        assertThat(listed.status()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        listed.json().forEach(d -> kinds.add(d.get("kind").asString()));
        assertThat(kinds).contains("ACCEPTANCE_NOTICE").doesNotContain("REGISTRATION_FORM", "FORWARDING_SLIP");
        Cases.Download own = cases.download(null, pub + "/" + notice + "?queryCode=" + code.toLowerCase());
        assertThat(own.status()).isEqualTo(200);
        assertThat(Cases.pdfText(own.body())).contains("李春华").contains("予以受理");
        assertThat(cases.download(null, pub + "/" + notice + "?queryCode=" + code + "&format=docx").status()).isEqualTo(200);
        // the internal registration form (with the ID number) is never served to the public
        assertThat(cases.download(null, pub + "/" + form + "?queryCode=" + code).status()).isEqualTo(404);
        Cases.Download wrong = cases.download(null, pub + "/" + notice + "?queryCode=AAAAAAAA");
        Cases.Download none = cases.download(null, pub + "/" + notice);
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(404);
        assertThat(new Api(port).get(pub + "?queryCode=AAAAAAAA").status()).isEqualTo(404);

        List<String> audited = jdbc.sql("SELECT actor || ' ' || detail FROM audit.entry WHERE action = 'document.downloaded' "
                + "AND object_id = ? ORDER BY seq").param(number).query(String.class).list();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0)).startsWith("public petitioner ACCEPTANCE_NOTICE PDF");
        assertThat(audited.get(1)).startsWith("public petitioner ACCEPTANCE_NOTICE DOCX");
        cases.download("clerk", "/api/v1/petitions/" + number + "/documents/" + form + "?format=docx");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'document.downloaded' AND object_id = ? "
                + "AND actor = 'clerk' AND detail LIKE 'staff REGISTRATION_FORM DOCX%'").param(number)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_decline_gets_a_not_accepted_notice_citing_the_ground_and_where_to_go_instead() {
        JsonNode receipt = cases.register(Cases.letter("赵立新", "劳动合同纠纷",
                "公司拖欠我三个月工资并解除劳动合同，请求责令公司支付工资。", "APPEAL"));
        String number = receipt.get("number").asString();
        cases.step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", cases.unitId("990102-ZJJ")));
        cases.step("handler", number, "decline", Map.of("ground", "LEGAL_CHANNEL", "note", "劳动争议应申请劳动仲裁"));
        cases.step("approver", number, "approve", Map.of("decision", "APPROVE"));
        JsonNode docs = cases.documentsOnceThere("handler", number, "NOT_ACCEPTED_NOTICE");
        JsonNode notice = Cases.ofKind(docs, "NOT_ACCEPTED_NOTICE");
        assertThat(notice.get("docNumber").asString()).startsWith("东住建信不受〔");
        String text = Cases.pdfText(cases.download("handler", "/api/v1/petitions/" + number + "/documents/"
                + notice.get("id").asString()).body());
        assertThat(text).contains("信访事项不予受理告知书", "赵立新：", "应当通过诉讼、仲裁、行政复议等法定途径解决", "不予受理",
                "依法申请仲裁、行政复议", "一式两份");
    }

    @Test
    void a_supervisor_issues_a_supervision_order_on_demand_and_nobody_else_may() {
        String number = forwardedAndAccepted("孙海燕", "小区垃圾清运不及时")[0];
        String path = "/api/v1/petitions/" + number + "/documents";
        Api.Response missing = cases.as("supervisor").post(path, Map.of("kind", "SUPERVISION_ORDER"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.fieldErrors()).containsKeys("reason", "requirement", "dueDate", "method");
        assertThat(missing.fieldErrors().get("reason")).isEqualTo("督办单须填写此项。");
        Map<String, Object> order = Map.of("kind", "SUPERVISION_ORDER", "reason", "群众反映强烈，办理进度缓慢",
                "requirement", "请于期限内办结并书面报告办理结果", "dueDate", "2020-01-01", "method", "发函督办");
        Api.Response past = cases.as("supervisor").post(path, order);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.fieldErrors().get("dueDate")).contains("须晚于今天");
        Map<String, Object> byPigeon = new java.util.HashMap<>(order);
        byPigeon.put("method", "飞鸽传书");
        Api.Response pigeon = cases.as("supervisor").post(path, byPigeon);
        assertThat(pigeon.fieldErrors().get("method")).as(pigeon.body()).startsWith("督办方式只能是电话督办");
        Map<String, Object> good = new java.util.HashMap<>(order);
        good.put("dueDate", java.time.LocalDate.now().plusDays(10).toString());
        assertThat(cases.as("handler").post(path, good).status()).isEqualTo(403);
        Api.Response issued = cases.as("supervisor").post(path, good);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("docNumber").asString()).startsWith("示信访督〔");
        String text = Cases.pdfText(cases.download("handler", path + "/" + issued.json().get("id").asString()).body());
        assertThat(text).contains("信访事项督办单", "群众反映强烈，办理进度缓慢", "发函督办", cases.unitName("990102-ZJJ"));
        // any document again on demand, from the case as it stands
        Api.Response again = cases.as("handler").post(path, Map.of("kind", "ACCEPTANCE_NOTICE"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(cases.as("handler").post(path, Map.of("kind", "REPLY_OPINION")).status()).isEqualTo(409);
        assertThat(cases.as("handler").post(path, Map.of("kind", "NO_SUCH_KIND")).status()).isEqualTo(400);
    }

    @Test
    void an_administrator_edits_a_units_template_and_seal_and_new_documents_say_which_version_they_used() throws Exception {
        long unit = cases.unitId("990102-ZJJ");
        Api admin = cases.as("admin");
        Map<String, Object> change = Map.of("unitId", unit, "organName", "示范市东湖区住房和城乡建设局", "docCode", "东建",
                "title", "信访事项受理告知书", "blocks", Map.of("addressee", "{信访人}同志：", "body",
                        "你于{收到日期}反映的“{事项}”（信访件编号：{信访件编号}）已由本局受理，我局将在60日内办结。{不存在的占位符}"));
        Api.Response unknown = put("admin", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE", change);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.fieldErrors().get("blocks.body")).contains("{不存在的占位符}");

        Map<String, Object> fixed = new java.util.HashMap<>(change);
        fixed.put("blocks", Map.of("addressee", "{信访人}同志：", "body",
                "你于{收到日期}反映的“{事项}”（信访件编号：{信访件编号}）已由本局受理，我局将在60日内办结。", "closing", "特此告知。"));
        Api.Response saved = put("admin", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE", fixed);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        int version = saved.json().get("version").asInt();
        assertThat(put("clerk", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE", fixed).status()).isEqualTo(403);

        Api.Response notPng = putBytes("/api/v1/admin/document-templates/seal?unitId=" + unit, "GIF89a".getBytes());
        assertThat(notPng.status()).isEqualTo(400);
        Api.Response sealed = putBytes("/api/v1/admin/document-templates/seal?unitId=" + unit, seal());
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
        JsonNode history = admin.get("/api/v1/admin/document-templates/ACCEPTANCE_NOTICE?unitId=" + unit).json();
        assertThat(history.get(0).get("version").asInt()).isEqualTo(version + 1);
        assertThat(history.get(0).get("hasSeal").asBoolean()).isTrue();
        assertThat(history.get(0).get("blocks").get("body").asString()).contains("已由本局受理");

        String number = forwardedAndAccepted("周建国", "楼道堆放杂物")[0];
        JsonNode notice = Cases.ofKind(cases.documentsOnceThere("handler", number, "ACCEPTANCE_NOTICE"), "ACCEPTANCE_NOTICE");
        assertThat(notice.get("templateVersion").asInt()).isEqualTo(version + 1);
        assertThat(notice.get("docNumber").asString()).startsWith("东建信受〔");
        byte[] pdf = cases.download("handler", "/api/v1/petitions/" + number + "/documents/" + notice.get("id").asString()).body();
        assertThat(Cases.pdfText(pdf)).contains("示范市东湖区住房和城乡建设局", "周建国同志：", "已由本局受理");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("the seal image").isNotEmpty();
        }
        Cases.pageImage(pdf, "document-acceptance-notice-with-seal");

        // back to the defaults for the other tests
        putBytes("/api/v1/admin/document-templates/seal?unitId=" + unit, null);
        JsonNode defaults = admin.get("/api/v1/admin/document-templates/ACCEPTANCE_NOTICE").json();
        Map<String, Object> restore = Map.of("unitId", unit, "title", defaults.get(0).get("title").asString(), "blocks",
                new tools.jackson.databind.json.JsonMapper().convertValue(defaults.get(0).get("blocks"), Map.class));
        assertThat(put("admin", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE", restore).status()).isEqualTo(200);
    }

    @Test
    void the_ledger_has_one_row_per_matter_in_the_callers_scope_with_names_masked_for_supervisors() throws Exception {
        Cases.at(clock, "2026-08-03", 9);
        String number = forwardedAndAccepted("钱美玲", "老旧小区加装电梯")[0];
        clock.reset();
        String path = "/api/v1/petitions/ledger.xlsx?from=2026-08-01&to=2026-08-31";

        Cases.Download clerk = cases.download("clerk", path);
        assertThat(clerk.status()).isEqualTo(200);
        assertThat(clerk.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(clerk.body()))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactlyElementsOf(Ledger.COLUMNS);
            Row row = find(sheet, number);
            assertThat(row).isNotNull();
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("来信");
            assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.parse("2026-08-03"));
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("钱美玲");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("东湖街道");
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("转送：" + cases.unitName("990102-ZJJ"));
            assertThat(row.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.parse("2026-08-03"));
            String due = cases.as("clerk").get("/api/v1/petitions/" + number).json().get("deadlines").valueStream()
                    .filter(d -> d.get("period").asString().equals("HANDLE")).findFirst().orElseThrow().get("dueDate").asString();
            assertThat(row.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.parse(due));
            assertThat(row.getCell(13).getStringCellValue()).isEqualTo("办理中");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(cases.download("supervisor", path).body()))) {
            assertThat(find(book.getSheetAt(0), number).getCell(3).getStringCellValue()).isEqualTo("钱**");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(cases.download("handler2", path).body()))) {
            assertThat(find(book.getSheetAt(0), number)).as("another district's unit does not see it").isNull();
        }
        Api.Response backwards = cases.as("clerk").get("/api/v1/petitions/ledger.xlsx?from=2026-08-31&to=2026-08-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.fieldErrors().get("to")).isEqualTo("结束日期不能早于开始日期。");
        assertThat(cases.as("clerk").get("/api/v1/petitions/ledger.xlsx?from=yesterday").status()).isEqualTo(400);
        assertThat(cases.as("admin").get(path).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'petition.ledger.exported' AND actor = 'supervisor'")
                .query(Long.class).single()).isPositive();
    }

    private static Row find(Sheet sheet, String number) {
        for (Row r : sheet) {
            if (r.getRowNum() > 1 && r.getCell(0).getStringCellValue().equals(number)) {
                return r;
            }
        }
        return null;
    }

    /** A PUT with a JSON body as the given user (the test client has no PUT). */
    private Api.Response put(String user, String path, Object body) {
        return send(user, path, "application/json",
                HttpRequest.BodyPublishers.ofString(new tools.jackson.databind.json.JsonMapper().writeValueAsString(body)));
    }

    /** The admin's PUT of a seal image, or a DELETE of the seal when {@code png} is null. */
    private Api.Response putBytes(String path, byte[] png) {
        return send("admin", path, png == null ? null : "image/png",
                png == null ? null : HttpRequest.BodyPublishers.ofByteArray(png));
    }

    private Api.Response send(String user, String path, String contentType, HttpRequest.BodyPublisher body) {
        try {
            String token = new Api(port).post("/api/v1/auth/token", Map.of("username", user, "password",
                    Api.DEMO_PASSWORD)).json().get("token").asString();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token);
            HttpRequest r = body == null ? b.DELETE().build() : b.header("Content-Type", contentType).PUT(body).build();
            HttpResponse<String> res = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(res.statusCode(), res.body(), res.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A red round seal with a star, drawn for the test (a bureau uploads a scan of its own). */
    static byte[] seal() throws IOException {
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(220, 20, 20, 210));
        g.setStroke(new BasicStroke(14));
        g.drawOval(12, 12, 376, 376);
        int[] xs = new int[10];
        int[] ys = new int[10];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 70 : 28;
            double a = Math.PI / 2 + i * Math.PI / 5;
            xs[i] = (int) (200 + r * Math.cos(a));
            ys[i] = (int) (200 - r * Math.sin(a));
        }
        g.fillPolygon(xs, ys, 10);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.BOLD, 40));
        g.drawString("信访专用章", 100, 330);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
