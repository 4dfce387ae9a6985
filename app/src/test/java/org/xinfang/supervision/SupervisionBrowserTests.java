package org.xinfang.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.xinfang.deadline.Clocks;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The supervisor's queue, a 督办单 issued with the keyboard alone, and the leader's dashboard, in Chromium. */
class SupervisionBrowserTests extends SupervisionStory {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Clocks clocks;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signedIn(String user) {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(user);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.waitForURL(url("/"));
        return page;
    }

    @Test
    void the_supervisor_finds_the_overdue_case_in_the_queue_and_issues_an_order_with_the_keyboard() {
        at("2026-09-01", 9);
        String number = registerLetter("小区违规收取停车费", "东湖区翠湖小区物业擅自上调停车费，业主多次投诉无果。");
        step("clerk", number, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        at("2026-09-18", 9); // 书面告知 due 9-16
        clocks.scan();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM supervision.suggestion WHERE petition_number = ?").param(number).query(Long.class)
                .single() == 1);

        Page page = signedIn("supervisor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("督办").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("督办工作台");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(number));
        assertThat(row).containsText("无正当理由超期");
        assertThat(row).containsText("书面告知");
        assertThat(row).containsText("东湖区住房和城乡建设局");
        assertThat(row).containsText("尚未受理（由单位负责人负责）");
        browser.screenshot(page, "supervision-queue");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("转为督办单")).focus();
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/supervision/orders/new.*"));
        assertThat(page.getByLabel("信访件编号")).hasValue(number);
        assertThat(page.locator("main")).containsText("东湖区住房和城乡建设局");
        page.getByLabel("信访件编号").focus();
        page.keyboard().press("Tab"); // into the methods: 网上督办 is checked
        page.keyboard().press("ArrowRight"); // 电话督办
        page.keyboard().press("Tab"); // 督办事由, already the suggestion's trigger
        page.keyboard().press("Tab"); // 督办要求
        page.keyboard().type("请于三日内书面告知信访人受理情况，并将办理进展书面反馈信访局。");
        page.keyboard().press("Tab"); // 反馈期限
        // the date field's segments follow Chromium's own locale (month/day/year here), not the page's, so
        // the order a person types in is the machine's: the test sets the value and keeps to the keyboard after
        page.getByLabel("反馈期限").fill("2026-09-25");
        assertThat(page.getByLabel("反馈期限")).hasValue("2026-09-25");
        assertThat(page.getByLabel("电话督办")).isChecked();
        browser.screenshot(page, "supervision-order-form");
        page.keyboard().press("Enter"); // implicit submission from the date field

        page.waitForURL(Pattern.compile(".*/supervision/orders/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("督办单");
        assertThat(page.locator("main")).containsText("电话督办");
        assertThat(page.locator("main")).containsText("待反馈");
        assertThat(page.locator("main")).containsText("2026-09-25");
        browser.screenshot(page, "supervision-order");
        assertThat(browser.problems(page)).isEmpty();

        // the unit's handler has a notice on the bell and answers the order from it
        Page unit = signedIn("handler");
        assertThat(unit.locator(".bell-count")).isVisible();
        unit.locator(".bell").click();
        unit.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("新督办单.*" + number))).click();
        unit.getByLabel("反馈情况").fill("已于9月18日电话并书面告知信访人受理，正在核查停车费调价依据。");
        unit.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交反馈")).click();
        assertThat(unit.locator(".big-status")).hasText("已反馈待审核");
        browser.screenshot(unit, "supervision-order-answered");
        assertThat(browser.problems(unit)).isEmpty();
    }

    @Test
    void the_leader_sees_owned_cases_with_working_days_left_overdue_first_and_the_owner_on_the_case() {
        at("2026-06-01", 9);
        String later = registerLetter("拆迁安置房质量问题", "东湖区安置小区墙体开裂，住户要求维修并鉴定房屋安全。");
        String sooner = registerLetter("学区划分争议", "东湖区新建小区学区划分与售楼承诺不符，业主要求说明。");
        step("clerk", later, "route", Map.of("mode", "FORWARD", "unitId", unitId("990102-ZJJ")));
        ok(as("leader").post("/api/v1/supervision/ownerships", Map.of("number", later, "plan", "组织房屋安全鉴定，制定维修方案。",
                "measures", "区住建局牵头，开发商出资维修，每周报告进展。", "dueDate", "2026-06-12")), 201);
        ok(as("leader").post("/api/v1/supervision/ownerships", Map.of("number", sooner, "plan", "会同教育局说明学区划分依据。",
                "measures", "召开业主座谈会。", "dueDate", "2026-06-03")), 201);
        at("2026-06-05", 10);

        Page page = signedIn("leader");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("领导包案").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("领导包案");
        Locator items = page.locator(".sv-owned > li");
        String all = String.join("|", items.allInnerTexts());
        assertThat(all.indexOf(sooner)).isGreaterThanOrEqualTo(0).isLessThan(all.indexOf(later));
        assertThat(page.locator(".sv-owned > li", new Page.LocatorOptions().setHasText(sooner))).containsText("已超期 2 个工作日");
        assertThat(page.locator(".sv-owned > li", new Page.LocatorOptions().setHasText(later))).containsText("剩 5 个工作日");
        browser.screenshot(page, "leader-dashboard");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(later)).click();
        assertThat(page.locator("#supervision")).containsText("包案领导");
        assertThat(page.locator("#supervision")).containsText("组织房屋安全鉴定");
        browser.screenshot(page, "case-owned-by-leader");
        assertThat(browser.problems(page)).isEmpty();
    }

    @Test
    void a_citizen_reports_a_units_staff_in_the_feedback_box_and_only_the_bureaus_supervisor_reads_it() {
        Page portal = browser.newPage(Viewport.PHONE);
        portal.navigate(url("/portal"));
        portal.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("意见箱")).click();
        assertThat(portal.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("意见箱");
        portal.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交意见")).click();
        assertThat(portal.locator("#error-summary")).containsText("具体情况");
        portal.getByLabel("单位").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("东湖区住房和城乡建设局"));
        portal.getByLabel("工作人员").fill("窗口工号0457");
        portal.getByLabel("具体情况").fill("11月10日上午到窗口办理维修基金查询，工作人员玩手机不理人，让我改天再来。");
        browser.screenshot(portal, "portal-feedback");
        portal.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交意见")).click();
        assertThat(portal.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("已收到您的意见");
        String reference = portal.locator("strong").first().innerText();
        assertThat(reference).startsWith("YJ");
        assertThat(browser.problems(portal)).isEmpty();

        Page supervisor = signedIn("supervisor");
        supervisor.navigate(url("/supervision/feedback"));
        assertThat(supervisor.locator("main")).containsText(reference);
        assertThat(supervisor.locator("main")).containsText("窗口工号0457");
        browser.screenshot(supervisor, "supervision-feedback-queue");

        Page unit = signedIn("approver");
        com.microsoft.playwright.Response refused = unit.navigate(url("/supervision/feedback"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(unit.locator("body")).not().containsText(reference);
    }
}
