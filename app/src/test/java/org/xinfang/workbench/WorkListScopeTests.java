package org.xinfang.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.organization.DataScope;
import org.xinfang.organization.Role;
import org.xinfang.organization.StaffUser;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionQueue;
import org.xinfang.petition.PetitionViews;
import org.xinfang.support.Api;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A user sees only the cases of their scope, in every list, every count and every export: the
 * 东湖区住建局 handler never meets a case held by the 西山区住建局, and the other way round.
 */
@XinfangTest
class WorkListScopeTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PetitionQueries queries;

    String donghu;
    String xishan;

    @BeforeEach
    void twoCasesInTwoDistricts() {
        donghu = registerAndForward("990102001", "990102-ZJJ", "东湖街道老旧小区加装电梯补贴迟迟未发放");
        xishan = registerAndForward("990103001", "990103-ZJJ", "西山街道拆迁安置房交付延期");
    }

    @Test
    void lists_counts_and_exports_of_the_service_hold_only_the_users_own_cases() {
        StaffUser handler = user("handler");
        StaffUser handler2 = user("handler2");
        PetitionQueries.Filter all = filter(PetitionQueue.ALL, 10_000);

        assertThat(numbers(queries.list(all, handler).items())).contains(donghu).doesNotContain(xishan);
        assertThat(numbers(queries.list(all, handler2).items())).contains(xishan).doesNotContain(donghu);
        assertThat(numbers(queries.export(all, handler, 10_000))).contains(donghu).doesNotContain(xishan);
        assertThat(numbers(queries.list(filter(PetitionQueue.TO_ACCEPT, 10_000), handler).items())).contains(donghu);

        // every count is the count of what the user may see: the cases their unit was ever given
        for (StaffUser u : List.of(handler, handler2)) {
            long reachable = jdbc.sql("""
                    SELECT count(*) FROM petition.access a WHERE a.unit_id = ?""").param(u.unitId()).query(Long.class).single();
            Map<PetitionQueue, Long> counts = queries.counts(all, u);
            assertThat(counts.get(PetitionQueue.ALL)).as(u.username()).isEqualTo(reachable);
            assertThat(counts.get(PetitionQueue.ALL)).isEqualTo(queries.list(all, u).total());
            assertThat(counts.get(PetitionQueue.TO_ACCEPT))
                    .isEqualTo(queries.list(filter(PetitionQueue.TO_ACCEPT, 1), u).total());
        }
        // the city clerk's territory holds both
        assertThat(numbers(queries.list(all, user("clerk")).items())).contains(donghu, xishan);
    }

    @Test
    void the_inbox_page_and_its_excel_export_hold_only_the_users_own_cases() throws Exception {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("handler2");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

        page.navigate(url("/inbox?queue=ALL&mine=false"));
        String table = page.locator("main").textContent();
        assertThat(table).contains(xishan).doesNotContain(donghu);

        APIResponse export = page.request().get(url("/inbox/export.xlsx?queue=ALL&mine=false"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().get("content-type")).startsWith("application/vnd.openxmlformats");
        List<String> exported = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("信访件编号");
            for (Row row : sheet) {
                exported.add(row.getCell(0).getStringCellValue());
            }
        }
        assertThat(exported).contains(xishan).doesNotContain(donghu);

        // another district's case does not exist for her
        var other = page.navigate(url("/cases/" + donghu));
        assertThat(other.status()).isEqualTo(404);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT))
                .containsText("未找到该信访事项");
        browser.screenshot(page, "case-out-of-scope");
    }

    private String registerAndForward(String region, String unitCode, String title) {
        Api clerk = new Api(port).as("clerk");
        Api.Response r = clerk.post("/api/v1/petitions", Map.of("channel", "LETTER",
                "petitioner", Map.of("name", "郑海", "idCardNumber", People.newIdCard()), "type", "APPEAL",
                "regionCode", region, "title", title, "content", title + "，请求有关部门依法处理。"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String number = r.json().get("number").asString();
        long unit = jdbc.sql("SELECT id FROM organization.unit WHERE code = ?").param(unitCode).query(Long.class).single();
        Api.Response routed = clerk.post("/api/v1/petitions/" + number + "/route", Map.of("mode", "FORWARD", "unitId", unit));
        assertThat(routed.status()).as(routed.body()).isEqualTo(200);
        return number;
    }

    private StaffUser user(String username) {
        return jdbc.sql("""
                SELECT u.id, u.display_name, u.unit_id, n.name, u.data_scope,
                       ARRAY(SELECT r.role FROM organization.user_role r WHERE r.user_id = u.id) AS roles
                FROM organization.staff_user u JOIN organization.unit n ON n.id = u.unit_id WHERE u.username = ?""")
                .param(username)
                .query((rs, i) -> {
                    Set<Role> roles = new java.util.HashSet<>();
                    for (Object role : (Object[]) rs.getArray("roles").getArray()) {
                        roles.add(Role.valueOf((String) role));
                    }
                    return new StaffUser(rs.getLong(1), username, rs.getString(2), rs.getLong(3), rs.getString(4), roles,
                            DataScope.valueOf(rs.getString(5)));
                }).single();
    }

    private static PetitionQueries.Filter filter(PetitionQueue queue, int size) {
        return new PetitionQueries.Filter(queue, null, null, false, null, null, null, null, null, null, Set.of(), null,
                null, null, 0, size);
    }

    private static List<String> numbers(List<PetitionViews.Row> rows) {
        return rows.stream().map(PetitionViews.Row::number).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
