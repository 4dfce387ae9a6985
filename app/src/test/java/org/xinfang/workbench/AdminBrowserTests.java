package org.xinfang.workbench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.deadline.Calendars;
import org.xinfang.deadline.StatutoryPeriod;
import org.xinfang.deadline.WorkingCalendar;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/** The administrator's pages: the organisation, accounts, categories, the holiday calendar and the rules. */
@XinfangTest
class AdminBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Calendars calendars;

    @AfterEach
    void restoreTheLawfulRule() {
        jdbc.sql("UPDATE deadline.period_rule SET days = 15, day_count = 'CALENDAR' WHERE period = 'ROUTE'").update();
        jdbc.sql("DELETE FROM deadline.calendar_day WHERE day = '2027-01-01'").update();
        calendars.refresh();
    }

    @Test
    void the_administrator_adds_a_community_and_a_user_locks_the_user_and_every_change_is_audited() {
        Page page = signIn("admin");
        page.navigate(url("/admin/units"));
        page.locator("#u-parent").selectOption(new SelectOption().setLabel("　　柳桥镇"));
        page.locator("#u-kind").selectOption("TERRITORY");
        page.locator("#u-code").fill("990102101203");
        page.locator("#u-name").fill("新河村");
        page.locator("#u-region").fill("990102101203");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新增下级单位")).click();
        assertThat(page.locator(".alert.ok")).hasText("已保存。");
        assertThat(page.locator("table.tree input[value='新河村']")).hasCount(1);
        browser.screenshot(page, "admin-units");
        assertThat(browser.problems(page)).isEmpty();

        // a region code outside the parent is refused next to the form, in Chinese (answered with 400)
        page.locator("#u-parent").selectOption(new SelectOption().setLabel("　　柳桥镇"));
        page.locator("#u-kind").selectOption("TERRITORY");
        page.locator("#u-code").fill("990103101299");
        page.locator("#u-name").fill("错村");
        page.locator("#u-region").fill("990103101299");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新增下级单位")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("不在上级区划");

        page.navigate(url("/admin/users"));
        page.locator("#n-username").fill("xinhe-clerk");
        page.locator("#n-name").fill("周新");
        page.locator("#n-unit").selectOption(new SelectOption().setLabel("　　　新河村"));
        page.locator("form[action='/admin/users'] input[value='HANDLER']").check();
        page.locator("#n-scope").selectOption("OWN_UNIT");
        page.locator("#n-password").fill("xinhe-2026-start");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新增用户")).click();
        Locator row = page.locator("table tr", new Page.LocatorOptions().setHasText("xinhe-clerk"));
        assertThat(row).containsText("承办人");
        assertThat(row).containsText("正常");
        browser.screenshot(page, "admin-users");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("停用 xinhe-clerk")).click();
        assertThat(page.locator("table tr", new Page.LocatorOptions().setHasText("xinhe-clerk"))).containsText("已停用");

        Page locked = browser.newPage(Viewport.DESKTOP);
        locked.navigate(url("/login"));
        locked.getByLabel("用户名").fill("xinhe-clerk");
        locked.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinhe-2026-start");
        locked.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(locked).hasURL(java.util.regex.Pattern.compile("/login\\?error$"));

        assertThat(audited("unit.added", "990102101203")).isTrue();
        assertThat(audited("user.created", "xinhe-clerk")).isTrue();
        assertThat(audited("user.locked", "xinhe-clerk")).isTrue();
    }

    @Test
    void a_holiday_and_a_changed_rule_take_effect_for_new_clocks_at_once() {
        Page page = signIn("admin");
        page.navigate(url("/admin/calendar?year=2027"));
        assertThat(page.locator(".empty")).containsText("尚未录入");
        page.getByLabel("日期", new Page.GetByLabelOptions().setExact(true)).fill("2027-01-01");
        page.getByLabel("类别").selectOption("HOLIDAY");
        page.getByLabel("节日名称").fill("元旦");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true)).click();
        assertThat(page.locator("table.list")).containsText("元旦");
        assertThat(calendars.current().isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        browser.screenshot(page, "admin-calendar");

        page.navigate(url("/admin/rules"));
        page.locator("#days-ROUTE").fill("10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存 转送、交办")).click();
        assertThat(page.locator(".alert.ok")).isVisible();
        assertThat(calendars.rules().rule(StatutoryPeriod.ROUTE).days()).isEqualTo(10);
        page.locator("#days-ROUTE").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存 转送、交办")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("天数应在 1 到 365 之间");
        browser.screenshot(page, "admin-rules");
        assertThat(audited("deadline.ruleSaved", "ROUTE")).isTrue();
        assertThat(audited("calendar.daySaved", "2027-01-01")).isTrue();
    }

    @Test
    void a_category_is_added_under_its_parent_and_only_administrators_reach_these_pages() {
        Page page = signIn("admin");
        page.navigate(url("/admin/categories"));
        page.getByLabel("分类代码").fill("ELEVATOR");
        page.getByLabel("分类名称").fill("电梯安全");
        page.getByLabel("上级分类").selectOption("URBAN_RURAL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存分类")).click();
        assertThat(page.locator("table.tree")).containsText("电梯安全");
        browser.screenshot(page, "admin-categories");
        assertThat(jdbc.sql("SELECT level FROM petition.category WHERE code = 'ELEVATOR'").query(Integer.class).single())
                .isEqualTo(2);

        Page clerk = signIn("clerk");
        var response = clerk.navigate(url("/admin/users"));
        assertThat(response.status()).isEqualTo(403);
    }

    private boolean audited(String action, String objectId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit.entry WHERE action = ? AND object_id = ?)")
                .params(action, objectId).query(Boolean.class).single();
    }

    private Page signIn(String username) {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(url("/"));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
