package org.xinfang.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The supervisor runs a backlog campaign through the pages: creates it with rules, includes the old case
 * the preview lists, plans it, records a 调度 round, is refused closing it without a final conclusion and
 * prints the progress report.
 */
@XinfangTest
class CampaignBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void a_supervisor_runs_a_campaign_through_the_pages() {
        CampaignCases cases = new CampaignCases(port, jdbc);
        String number = cases.letter(clock.instant(), 800, "990104001", "南江街道老旧小区雨污分流工程烂尾");
        cases.step("clerk", number, "route", java.util.Map.of("mode", "FORWARD", "unitId", cases.unitId("990104-ZJJ")));

        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill("supervisor");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("积案攻坚")).click();

        page.getByLabel("活动名称").fill("南江区积案化解百日攻坚");
        page.getByLabel("受理已满（天）").fill("720");
        page.getByLabel("问题属地（含下辖）").selectOption("990104");
        browser.screenshot(page, "campaign-new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建并预览选案")).click();

        assertThat(page).hasURL(Pattern.compile("/campaigns/\\d+/candidates$"));
        Locator row = page.locator("table.worklist tr", new Page.LocatorOptions().setHasText(number));
        assertThat(row).hasCount(1);
        browser.screenshot(page, "campaign-candidates");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("纳入所选事项")).click();
        assertThat(page.locator(".alert.ok")).containsText("已纳入");

        Locator theCase = page.locator("#case-" + number);
        theCase.getByLabel("包案领导").fill("陈志远");
        theCase.getByLabel("化解期限").fill(java.time.LocalDate.now().plusMonths(2).toString());
        theCase.getByLabel("三到位一处理").selectOption("REASONABLE_RESOLVED");
        theCase.getByLabel("化解方案").fill("区住建局牵头，区财政保障资金，三个月内完成雨污分流改造。");
        theCase.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存方案")).click();
        assertThat(page.locator(".alert.ok")).containsText("化解方案已保存");

        page.locator("select[name='stage." + number + "']").selectOption("RESOLVING");
        page.locator("input[name='note." + number + "']").fill("施工单位已进场");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存调度记录")).click();
        assertThat(page.locator(".progress-table")).containsText("化解中");

        browser.screenshot(page, "campaign-page");
        assertThat(browser.problems(page)).as("console errors and CSP violations").isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("进度报告")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("进度报告");
        assertThat(page.locator("table.report-table").first()).containsText(number);
        assertThat(page.locator("table.report-table").nth(1)).containsText("化解中：施工单位已进场");
        browser.screenshot(page, "campaign-report");
        assertThat(browser.problems(page)).isEmpty();
        page.goBack();

        // closing as concluded is refused (409) while the petition is still being handled
        theCase = page.locator("#case-" + number);
        theCase.locator("summary", new Locator.LocatorOptions().setHasText("结案")).click();
        theCase.getByLabel("依法终结").check();
        theCase.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("结案")).click();
        assertThat(page.locator(".alert.error")).containsText("尚未依法终结");
        assertThat(page.locator("#case-" + number + " .status.big")).hasCount(0);
        browser.screenshot(page, "campaign-close-refused");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
