package org.xinfang.workbench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * A whole petition through the workbench, as the people of a bureau do it: the 信访局 clerk registers a
 * group visit and forwards it; the 东湖区住建局 handler accepts it and asks for more time; the unit head
 * approves; the handler drafts the reply; the head approves it; the case stands 已办结 with every step
 * in its timeline. Each person works in their own browser, through the pages only.
 */
@XinfangTest
class CaseWalkBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void a_visit_goes_from_registration_to_an_approved_reply_through_the_pages_alone() {
        // 登记员: a group visit about a property fee, with one representative
        Page clerk = signIn("clerk");
        clerk.navigate(url("/register/visit"));
        assertThat(clerk.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("来访登记");
        clerk.getByLabel("姓名").first().fill("王建华");
        clerk.getByLabel("居民身份证号码").first().fill(People.newIdCard());
        clerk.getByLabel("联系电话").first().fill("13912345678");
        clerk.getByLabel("住址").fill("示范市东湖区翠湖路18号");
        clerk.getByLabel("来访人数").fill("3");
        clerk.locator("#rep-name-0").fill("李秀英");
        clerk.locator("#rep-phone-0").fill("13700001111");
        clerk.getByLabel("接待地点").fill("市信访局接待大厅");
        clerk.getByLabel("类型").selectOption("APPEAL");
        clerk.getByLabel("内容分类").selectOption(new SelectOption().setLabel("　物业管理"));
        clerk.getByLabel("问题发生地（属地）").selectOption("990102001001");
        clerk.getByLabel("标题").fill("小区电梯长期停运，物业拒不维修");
        clerk.getByLabel("主要内容与诉求").fill("翠湖社区8号楼电梯自今年3月起停运，业主多次反映，物业公司以维修资金不足为由拒不维修，"
                + "老人上下楼困难。请求有关部门督促物业公司尽快修复电梯。");
        browser.screenshot(clerk, "register-visit");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存登记")).click();

        assertThat(clerk).hasURL(Pattern.compile("/cases/990100-\\d{8}-\\d{6}$"));
        assertThat(clerk.locator(".receipt")).containsText("查询码");
        String number = clerk.locator(".case-head .number").textContent().trim();
        assertThat(clerk.locator(".case-head .status")).hasText("已登记");
        assertThat(clerk.locator("#h-deadlines + .table-wrap")).containsText("转送、交办");
        browser.screenshot(clerk, "case-registered");

        // 转送 to the 东湖区住房和城乡建设局
        clerk.getByLabel("处理方式").selectOption("FORWARD");
        clerk.getByLabel("接收单位").selectOption(new SelectOption().setLabel("东湖区住房和城乡建设局"));
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("转送 / 交办")).click();
        assertThat(clerk.locator(".alert.ok")).containsText("操作已完成");
        assertThat(clerk.locator(".case-head .status")).hasText("已转交");
        assertThat(clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("转送 / 交办"))).hasCount(0);
        assertNoProblems(clerk);

        // 承办人: finds it among 待受理, accepts it, asks for 30 more days
        Page handler = signIn("handler");
        handler.navigate(url("/inbox"));
        assertThat(handler.locator(".tabs a[aria-current=page]")).containsText("待受理");
        Locator row = handler.locator("table.worklist tr", new Page.LocatorOptions().setHasText(number));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("王**"); // lists show people masked
        browser.screenshot(handler, "inbox-handler");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
        assertThat(handler.locator(".case-head .number")).hasText(number);
        assertThat(handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("转送 / 交办"))).hasCount(0);
        handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("受理").setExact(true)).click();
        assertThat(handler.locator(".case-head .status")).hasText("办理中");

        handler.getByLabel("延长天数（1–30日）").fill("30");
        handler.locator("#extend-reason").fill("需会同街道、市场监管部门核查电梯维修资金使用情况");
        handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("申请延期")).click();
        assertThat(handler.locator(".pending-box")).containsText("延期30日");
        assertThat(handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审批"))).hasCount(0); // not her own
        browser.screenshot(handler, "case-extension-requested");

        // 审核人: 待审批 shows it; approves
        Page approver = signIn("approver");
        approver.navigate(url("/inbox"));
        assertThat(approver.locator(".tabs a[aria-current=page]")).containsText("待审批");
        Locator pending = approver.locator("table.worklist tr", new Page.LocatorOptions().setHasText(number));
        assertThat(pending).containsText("待审批：延期");
        browser.screenshot(approver, "inbox-approver");
        pending.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
        approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审批")).click();
        assertThat(approver.locator(".case-head .status")).hasText("已延期");

        // 承办人 drafts the reply
        handler.reload();
        handler.getByLabel("处理结果").selectOption("SUPPORTED");
        handler.getByLabel("答复意见全文").fill("经核查，该小区电梯维修资金账户余额充足，物业公司未按规定申请使用。已责令物业公司于15日内完成维修，"
                + "街道办事处负责跟踪督促。如对本答复意见不服，可自收到之日起30日内向东湖区人民政府申请复查。");
        handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("起草答复意见")).click();
        assertThat(handler.locator(".pending-box")).containsText("予以支持");

        // 审核人 approves the reply: the case is concluded
        approver.reload();
        approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审批")).click();
        assertThat(approver.locator(".case-head .status")).hasText("已办结");
        List<String> steps = approver.locator(".timeline li strong").allTextContents();
        assertThat(steps).containsExactly("登记", "转送", "受理", "申请延期", "延期", "起草答复", "答复");
        assertThat(approver.locator("#h-reply")).isVisible();
        browser.screenshot(approver, "case-answered");

        // and the clerk's 已办结 queue holds it
        clerk.navigate(url("/inbox?queue=DONE&mine=false"));
        assertThat(clerk.locator("table.worklist tr", new Page.LocatorOptions().setHasText(number))).containsText("已办结");
        browser.screenshot(clerk, "inbox-clerk-done");
        for (Page p : List.of(clerk, handler, approver)) {
            assertNoProblems(p);
        }
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

    private static void assertNoProblems(Page page) {
        assertThat(browser.problems(page)).as("console errors and CSP violations").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
