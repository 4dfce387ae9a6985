package org.xinfang.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * A citizen petitions on her phone, keeps number and query code, the bureau answers, and she reads the
 * answer, rates it 不满意 and asks for 复查 — the whole 网上信访 as the 条例 promises it.
 */
@XinfangTest
class PortalStoryBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static final String REPLY = "经调查，您反映的小区电梯维修资金使用问题，物业服务企业已按业主大会决议公示使用明细，"
            + "不违反相关规定。如不服本答复，可自收到之日起30日内向东湖区人民政府申请复查。";

    @Test
    void a_citizen_petitions_on_her_phone_reads_the_answer_rates_it_unsatisfied_and_asks_for_review() {
        Page page = browser.newPage(Viewport.PHONE);
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", PortalPeople.newAddress()));

        // the home page says what can be petitioned here and what belongs to the courts
        page.navigate(url("/portal"));
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("网上信访");
        assertThat(page.locator("main")).containsText("诉访分离");
        assertThat(page.locator("main")).containsText("60日内办结");
        pageIsFine(page, "portal-home-phone");

        // ① the form
        page.locator(".hero").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("我要信访")).click();
        assertThat(page).hasURL(Pattern.compile("/portal/submit$"));
        page.getByLabel("申诉求决").check();
        page.getByLabel("内容分类").selectOption("物业管理");
        page.getByLabel("标题").fill("小区电梯维修资金使用不公开");
        String content = "我是东湖区翠湖社区居民。小区电梯多次故障，物业动用维修资金却不公开明细，请有关部门督促公开并依法处理。";
        page.getByLabel("具体内容").fill(content);
        assertThat(page.locator("#content-count")).containsText("已输入 " + content.length() + " 字");
        page.getByLabel("区县").selectOption("990102");
        page.getByLabel("乡镇（街道）").selectOption("990102001");
        page.getByLabel("村（社区）").selectOption("990102001001");
        page.getByLabel("姓名").fill("王晓红");
        page.getByLabel("居民身份证号码").fill(PortalPeople.idCard());
        page.getByLabel("手机号码").fill("13912345678");
        page.getByLabel("通讯地址").fill("示范市东湖区翠湖路88号3栋2单元");
        page.getByLabel("选择图片或 PDF 文件").setInputFiles(new FilePayload("电梯故障照片.png", "image/png", PortalPeople.png()));
        pageIsFine(page, "portal-submit-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步：核对信息")).click();

        // ② check and confirm
        assertThat(page).hasURL(Pattern.compile("/portal/submit/confirm/[0-9a-f-]{36}$"));
        assertThat(page.locator(".summary")).containsText("示范市 东湖区 东湖街道 翠湖社区");
        assertThat(page.locator(".summary")).containsText("电梯故障照片.png");
        assertThat(page.locator(".summary")).containsText("不同意公开");
        pageIsFine(page, "portal-confirm-phone");
        String confirmUrl = page.url();
        String csrf = page.locator("form.confirm-form input[name=_csrf]").getAttribute("value");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认提交")).click();

        // ③ the receipt with number and query code
        assertThat(page).hasURL(Pattern.compile("/portal/submit/receipt/"));
        String number = page.locator("#receipt-number").textContent().strip();
        String code = page.locator("#receipt-code").textContent().strip();
        assertThat(number).matches("990100-\\d{8}-\\d{6}");
        assertThat(code).matches("[2-9A-Z]{8}");
        assertThat(page.locator(".receipt-card")).containsText("短信发送至 139****5678");
        pageIsFine(page, "portal-receipt-phone");
        assertThat(jdbc.sql("SELECT name, content_type FROM intake.attachment a JOIN petition.petition p ON p.id = a.petition_id "
                + "WHERE p.number = ?").param(number).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("电梯故障照片.png image/png");

        // going back to the confirmation, or sending the confirmation again, gives the same receipt, not a second petition
        page.goBack();
        assertThat(page).hasURL(Pattern.compile("/portal/submit/receipt/"));
        assertThat(page.locator("#receipt-number")).hasText(number);
        APIResponse again = page.request().post(confirmUrl, RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)));
        assertThat(again.url()).contains("/portal/submit/receipt/");
        assertThat(again.text()).contains(number).contains(code);
        assertThat(jdbc.sql("SELECT count(*) FROM petition.petition WHERE title = '小区电梯维修资金使用不公开'")
                .query(Long.class).single()).isEqualTo(1);

        // the bureau answers through the staff API
        PortalPeople.staffAnswer(port, jdbc, number, REPLY);

        // she tracks it with number and code, reads the answer and the statutory dates
        page.navigate(url("/portal/track"));
        pageIsFine(page, "portal-track-phone");
        page.getByLabel("信访件编号").fill(number);
        page.getByLabel("查询码").fill(code.toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page).hasURL(Pattern.compile("/portal/track/" + number + "$"));
        assertThat(page.locator(".status")).hasText("已办结");
        assertThat(page.locator(".reply-text")).hasText(REPLY);
        assertThat(page.locator(".outcome")).hasText("不予支持");
        assertThat(page.locator("table.deadlines")).containsText("办理并出具答复");
        assertThat(page.locator("table.deadlines")).containsText("您申请复查的截止日期");
        assertThat(page.locator("table.deadlines")).containsText(Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日"));
        assertThat(page.locator(".timeline")).containsText("转送至东湖区住房和城乡建设局");
        // the written reply (处理意见书) is generated after the step's transaction: it appears within seconds
        for (int i = 0; i < 50 && page.locator("ul.documents").count() == 0; i++) {
            page.waitForTimeout(200);
            page.reload();
        }
        assertThat(page.locator("ul.documents")).containsText("处理意见书");
        com.microsoft.playwright.Download pdf = page.waitForDownload(
                () -> page.locator("ul.documents a", new Page.LocatorOptions().setHasText("处理意见书")).click());
        assertThat(pdf.suggestedFilename()).endsWith(".pdf");
        pageIsFine(page, "portal-tracked-answered-phone");

        // 不满意, with a comment
        page.getByLabel("不满意").check();
        page.getByLabel("意见和建议").fill("答复没有回应维修资金明细的问题。");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评价")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("评价已提交，感谢您的反馈。");
        assertThat(page.locator("#actions")).containsText("您的评价");
        assertThat(page.locator("#actions")).containsText("不满意");

        // and 复查, within the 30 days
        page.getByLabel("申请理由").fill("物业至今未公开维修资金明细，答复认定的事实与实际不符，请求复查。");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交复查申请")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("申请已提交，受理机关将在30日内答复。");
        assertThat(page.locator(".status")).hasText("复查中");
        assertThat(page.locator("main")).containsText("东湖区");
        pageIsFine(page, "portal-tracked-review-phone");

        assertThat(jdbc.sql("SELECT status || ' ' || rating FROM petition.petition WHERE number = ?").param(number)
                .query(String.class).single()).isEqualTo("REVIEW_REQUESTED UNSATISFIED");

        // every step reached her phone: receipt with the code, forwarding, acceptance, answer, review received
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT template FROM notification.sms_outbox o JOIN petition.petition p ON p.id = o.petition_id "
                        + "WHERE p.number = ? AND o.state = 'SENT' ORDER BY o.id").param(number).query(String.class).list())
                .containsExactly("RECEIPT", "ROUTED", "ACCEPTED", "ANSWERED", "REVIEW_RECEIVED"));
    }

    /** No console errors or CSP violations, fits a phone screen, no serious accessibility problem; then a screenshot. */
    private void pageIsFine(Page page, String screenshot) {
        browser.screenshot(page, screenshot);
        assertThat(browser.problems(page)).as("console errors and CSP violations").isEmpty();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("pixels the page is wider than the phone").isLessThanOrEqualTo(0);
        List<String> violations = Accessibility.seriousViolations(page);
        assertThat(violations).as("serious or critical axe-core violations on " + page.url()).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
