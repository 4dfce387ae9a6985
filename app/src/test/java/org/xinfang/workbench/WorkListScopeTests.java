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
import org.xinfang.search.PetitionSearch;
import org.xinfang.search.SearchStoryTests;
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

    @Autowired
    PetitionSearch search;

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

    @Test
    void the_inbox_search_box_finds_words_through_the_word_index_and_only_within_scope() {
        String estate = SearchStoryTests.uniqueName();
        String east = registerAndForward("990102001", "990102-ZJJ", estate + "小区电梯长期停运");
        String west = registerAndForward("990103001", "990103-ZJJ", estate + "小区加装电梯补贴迟迟未发放");
        String westOther = registerAndForward("990103001", "990103-ZJJ", estate + "小区绿地被改成停车位");
        String words = estate + " 电梯";
        StaffUser clerk = user("clerk");
        StaffUser handler2 = user("handler2");
        PetitionQueries.Filter all = filter(PetitionQueue.ALL, 100);
        PetitionQueries.Filter byWords = withWords(all, words);

        // the index follows the petitions just after they commit
        long until = System.currentTimeMillis() + 15_000;
        while (queries.list(byWords, clerk).total() < 2 && System.currentTimeMillis() < until) {
            sleep();
        }
        assertThat(numbers(queries.list(byWords, clerk).items())).containsExactlyInAnyOrder(east, west);
        // the district handler finds her own unit's case, never the other district's, in list, count and export
        assertThat(numbers(queries.list(byWords, handler2).items())).containsExactly(west);
        assertThat(queries.list(byWords, handler2).total()).isOne();
        assertThat(queries.counts(byWords, handler2).get(PetitionQueue.ALL)).isOne();
        assertThat(numbers(queries.export(byWords, handler2, 100))).containsExactly(west);
        // one word of the estate finds all three, in the order (and with the paging) of the list itself
        PetitionQueries.Filter estateOnly = withWords(all, estate);
        assertThat(numbers(queries.list(estateOnly, handler2).items())).containsExactlyInAnyOrder(west, westOther);
        PetitionQueries.Filter bySubstring = new PetitionQueries.Filter(PetitionQueue.ALL, null, null, false, null, estate,
                null, null, null, null, Set.of(), null, null, null, 0, 100);
        assertThat(numbers(queries.list(estateOnly, clerk).items()))
                .containsExactlyElementsOf(numbers(queries.list(bySubstring, clerk).items()));
        PetitionQueries.Filter secondPage = new PetitionQueries.Filter(PetitionQueue.ALL, null, null, false, null, estate,
                null, null, null, null, Set.of(), null, null, null, 1, 2, search.matching(estate));
        assertThat(queries.list(secondPage, clerk).total()).isEqualTo(3);
        assertThat(numbers(queries.list(secondPage, clerk).items()))
                .containsExactly(numbers(queries.list(bySubstring, clerk).items()).get(2));
        // a number is found by the number; text without a word finds nothing
        assertThat(numbers(queries.list(withWords(all, west), clerk).items())).containsExactly(west);
        assertThat(queries.list(withWords(all, "——"), clerk).total()).isZero();

        // and so on the page: the search box of her inbox
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("handler2");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.navigate(url("/inbox?queue=ALL&mine=false"));
        page.getByLabel("检索").fill(words);
        page.getByLabel("检索").press("Enter");
        page.waitForURL(u -> u.contains("q="));
        String main = page.locator("main").textContent();
        assertThat(main).contains(west, "共 1 件").doesNotContain(east).doesNotContain(westOther);
        browser.screenshot(page, "inbox-word-search");
    }

    @Test
    void above_the_count_cap_the_inbox_says_more_and_still_pages_to_the_end() {
        PetitionQueries target = org.springframework.test.util.AopTestUtils.getTargetObject(queries);
        StaffUser handler2 = user("handler2");
        registerAndForward("990103001", "990103-ZJJ", "西山街道路灯损坏无人维修");
        registerAndForward("990103001", "990103-ZJJ", "西山街道菜市场噪音扰民");
        PetitionQueries.Filter all = filter(PetitionQueue.ALL, 10_000);
        long exact = queries.list(all, handler2).total();
        assertThat(exact).isGreaterThanOrEqualTo(3);
        int cap = (int) exact - 2;
        org.springframework.test.util.ReflectionTestUtils.setField(target, "countCap", cap);
        try {
            // the first page of two: more than the cap, a next page follows
            PetitionQueries.Filter first = new PetitionQueries.Filter(PetitionQueue.ALL, null, null, false, null, null, null,
                    null, null, null, Set.of(), null, null, null, 0, 2);
            PetitionViews.Inbox inbox = queries.inbox(first, handler2);
            assertThat(inbox.counts().get(PetitionQueue.ALL)).isEqualTo(cap + 1L);
            assertThat(inbox.countText(inbox.counts().get(PetitionQueue.ALL))).isEqualTo(cap + "+");
            assertThat(inbox.totalAtLeast()).isTrue();
            assertThat(inbox.more()).isTrue();
            assertThat(inbox.page().items()).hasSize(2);
            // the last page: its total is exact again, and it is the list's own last rows
            int lastPage = (int) ((exact - 1) / 2);
            PetitionQueries.Filter last = new PetitionQueries.Filter(PetitionQueue.ALL, null, null, false, null, null, null,
                    null, null, null, Set.of(), null, null, null, lastPage, 2);
            PetitionViews.Inbox end = queries.inbox(last, handler2);
            assertThat(end.more()).isFalse();
            List<String> everything = numbers(queries.list(all, handler2).items());
            assertThat(numbers(end.page().items())).containsExactlyElementsOf(everything.subList(lastPage * 2, everything.size()));
            assertThat(end.totalAtLeast()).isFalse();
            assertThat(end.page().total()).isEqualTo(exact);
            // a count under the cap stays exact, and the exact list and counts are untouched by the cap
            assertThat(inbox.counts().get(PetitionQueue.REVIEW)).isEqualTo(queries.counts(all, handler2).get(PetitionQueue.REVIEW));
            assertThat(queries.counts(all, handler2).get(PetitionQueue.ALL)).isEqualTo(exact);
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(target, "countCap", PetitionQueries.COUNT_CAP);
        }
    }

    private PetitionQueries.Filter withWords(PetitionQueries.Filter f, String q) {
        return new PetitionQueries.Filter(f.queue(), null, null, false, null, q, null, null, null, null, Set.of(), null,
                null, null, f.page(), f.size()).withTextMatch(search.matching(q));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
