package org.xinfang.insight;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.IdCards;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The warnings page: a supervisor sees warnings by level, opens one, follows its evidence, acknowledges and handles it. */
@XinfangTest
class WarningPageBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Warnings warnings;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String register(Instant at, String channel, int headcount, String region, String category, String title, String content) {
        Map<String, Object> person = new HashMap<>();
        person.put("name", "李四");
        person.put("idCardNumber", IdCards.next());
        person.put("phone", "13912345678");
        person.put("address", "示范市西山区云岭路1号");
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("petitioner", person);
        body.put("type", "APPEAL");
        body.put("category", category);
        body.put("regionCode", region);
        body.put("title", title);
        body.put("content", content);
        body.put("headcount", headcount);
        body.put("receivedAt", at.atZone(ChinaTime.ZONE).toOffsetDateTime().toString());
        if (headcount > 5) {
            List<Map<String, Object>> reps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, Object> rep = new HashMap<>();
                rep.put("name", i == 0 ? "代表甲" : "代表乙");
                rep.put("idCardNumber", IdCards.next());
                rep.put("phone", "1391234567" + i);
                rep.put("address", "示范市西山区云岭路" + i + "号");
                reps.add(rep);
            }
            body.put("representatives", reps);
        }
        clock.set(at.plusSeconds(60));
        Api.Response r = new Api(port).as("clerk").post("/api/v1/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("number").asString();
    }

    @Test
    void a_supervisor_reads_the_warnings_by_level_opens_one_follows_a_case_and_records_what_was_done() {
        Instant now = java.time.LocalDateTime.parse("2024-05-14T10:00:00").atZone(ChinaTime.ZONE).toInstant();
        String big = register(now.minus(Duration.ofDays(1)), "VISIT", 60, "990103001", "拖欠工资",
                "云岭建筑公司六十名农民工集体讨薪", "云岭建筑公司拖欠六十名农民工工资近两百万元，农民工集体来访，请求政府协调。");
        register(now.minus(Duration.ofDays(2)), "VISIT", 8, "990103001", "物业管理", "翠微小区八位业主反映电梯停运",
                "翠微小区电梯停运一个月，物业不维修，八位业主来访反映。");
        register(now.minus(Duration.ofDays(3)), "VISIT", 5, "990104001", "噪声扰民", "南江区五位居民反映工地夜间施工",
                "南江区滨江工地夜间施工，五位居民来访反映噪声扰民。");
        clock.set(now);
        warnings.evaluate();

        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("supervisor");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("预警").setExact(true)).click();
        assertThat(page).hasURL(url("/warnings"));
        assertThat(page.locator("h1")).hasText("预警");
        assertThat(page.locator(".level-card.level-red .n")).not().hasText("0");
        assertThat(page.locator("table.warning-list")).containsText("云岭建筑公司六十名农民工集体讨薪");
        assertThat(page.locator("table.warning-list")).containsText("西山区");
        browser.screenshot(page, "warnings-list");
        assertThat(browser.problems(page)).isEmpty();

        // filter: red ones only
        page.locator("#w-level").selectOption("RED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        assertThat(page.locator("table.warning-list tbody tr .level").first()).hasText("红色");
        assertThat(page.locator("table.warning-list tbody tr .level-yellow")).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("西山区·集体访：云岭建筑公司六十名农民工集体讨薪（60 人）")).click();
        assertThat(page.locator("h1")).containsText("云岭建筑公司");
        assertThat(page.locator(".panel").first()).containsText("60 人集体走访");
        browser.screenshot(page, "warning-detail");
        assertThat(browser.problems(page)).isEmpty();

        // evidence drill-down
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(big)).click();
        assertThat(page).hasURL(url("/cases/" + big));
        page.goBack();

        page.getByLabel("签收意见（可选）").fill("请西山区人社局当日核查");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签收")).click();
        assertThat(page.locator(".alert.ok")).hasText("已签收该预警。");
        assertThat(page.locator(".status.big")).hasText("已签收");
        // the note is required: the browser says so first; without the browser's check the server says it in Chinese
        page.locator("#handle-note").evaluate("e => e.removeAttribute('required')");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录处置")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("请填写处置情况。");
        page.locator("#handle-note").fill("人社局已约谈企业，企业承诺一周内支付全部欠薪，代表已知悉。");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录处置")).click();
        assertThat(page.locator(".alert.ok")).hasText("已记录处置情况。");
        assertThat(page.locator(".status.big")).hasText("已处置");
        assertThat(page.locator(".panel").last()).containsText("人社局已约谈企业");
        browser.screenshot(page, "warning-handled");
        assertThat(browser.problems(page)).isEmpty();
    }

    @Test
    void case_handlers_have_no_warnings_link_and_are_refused_the_page() {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("handler");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.locator("header nav")).not().containsText("预警");
        var response = page.navigate(url("/warnings"));
        assertThat(response.status()).isEqualTo(403);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
