package org.xinfang.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/** What a citizen who types something wrong — or something hostile — sees: a clear Chinese message, and nothing stored. */
@XinfangTest
class PortalBadInputBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static final String SCRIPT = "<script>alert('xss')</script>";

    @Test
    void a_wrong_id_checksum_an_empty_title_50000_characters_and_an_exe_renamed_jpg_are_each_explained_and_nothing_is_stored() {
        Map<String, Long> before = counts();
        Page page = citizen();
        page.navigate(url("/portal/submit"));
        page.getByLabel("申诉求决").check();
        page.getByLabel("标题").fill("");
        // the page itself stops typing at 10,000 characters; a crafted request is not stopped by that
        page.evaluate("() => document.getElementById('content').removeAttribute('maxlength')");
        page.getByLabel("具体内容").fill("长".repeat(50_000));
        assertThat(page.locator("#content-count")).hasText("已超出 40000 字，请删减");
        page.getByLabel("区县").selectOption("990103");
        page.getByLabel("姓名").fill("李建华");
        page.getByLabel("居民身份证号码").fill(PortalPeople.withWrongCheckCharacter(PortalPeople.idCard()));
        page.getByLabel("手机号码").fill("13700001111");
        // the browser already says so when she leaves the field
        assertThat(page.locator("#idCardNumber-check")).hasText("身份证号码校验位不正确，请核对后重新输入。");
        page.getByLabel("通讯地址").fill("示范市西山区枫林路9号");
        page.getByLabel("选择图片或 PDF 文件").setInputFiles(new FilePayload("现场照片.jpg", "image/jpeg", PortalPeople.exe()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步：核对信息")).click();

        assertThat(page).hasURL(Pattern.compile("/portal/submit$"));
        assertThat(page.locator("#error-summary")).isFocused();
        assertThat(page.locator("#error-summary h2")).hasText("有 4 处内容需要修改");
        assertThat(page.locator("#title-error")).hasText("此项为必填项。");
        assertThat(page.locator("#content-error")).hasText("长度不能超过 10,000 个字符。");
        assertThat(page.locator("#idCardNumber-error")).containsText("校验位错误");
        assertThat(page.locator("#files-error")).containsText("附件“现场照片.jpg”的内容不是 JPG、PNG、GIF、WebP 图片或 PDF 文件");
        assertThat(page.getByLabel("标题")).hasAttribute("aria-invalid", "true");
        // what she typed is kept, so she only corrects what is wrong
        assertThat(page.getByLabel("姓名")).hasValue("李建华");
        assertThat(page.getByLabel("区县")).hasValue("990103");
        browser.screenshot(page, "portal-submit-errors-phone");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        assertThat(browser.problems(page)).isEmpty();

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void script_tags_in_every_field_are_refused_where_invalid_and_shown_as_plain_text_everywhere_else() {
        Map<String, Long> before = counts();
        Page page = citizen();
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.navigate(url("/portal/submit"));
        page.getByLabel("建议意见").check();
        for (String field : List.of("标题", "具体内容", "姓名", "居民身份证号码", "手机号码", "通讯地址")) {
            page.evaluate("label => { const f = [...document.querySelectorAll('input, textarea')]"
                    + ".find(e => e.labels && [...e.labels].some(l => l.textContent.includes(label))); f.removeAttribute('maxlength'); }",
                    field);
            page.getByLabel(field).fill(SCRIPT);
        }
        page.getByLabel("区县").selectOption("990104");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步：核对信息")).click();

        // refused where the field has a format, in Chinese, and what was typed comes back as text, not as code
        assertThat(page.locator("#idCardNumber-error")).containsText("身份证号码");
        assertThat(page.locator("#phone-error")).containsText("格式错误");
        assertThat(page.getByLabel("标题")).hasValue(SCRIPT);
        assertThat(page.getByLabel("具体内容")).hasValue(SCRIPT);
        assertThat(page.getByLabel("姓名")).hasValue(SCRIPT);
        assertThat(counts()).isEqualTo(before);

        // free text may contain anything: it is accepted and shown escaped
        page.getByLabel("居民身份证号码").fill(PortalPeople.idCard());
        page.getByLabel("手机号码").fill("13600002222");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步：核对信息")).click();
        assertThat(page).hasURL(Pattern.compile("/portal/submit/confirm/"));
        assertThat(page.locator(".summary")).containsText(SCRIPT);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认提交")).click();
        assertThat(page).hasURL(Pattern.compile("/portal/submit/receipt/"));
        String number = page.locator("#receipt-number").textContent().strip();
        String code = page.locator("#receipt-code").textContent().strip();
        page.navigate(url("/portal/track"));
        page.getByLabel("信访件编号").fill(number);
        page.getByLabel("查询码").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page.locator(".status")).hasText("已登记");

        assertThat(dialogs).as("script dialogs that ran").isEmpty();
        assertThat(page.evaluate("() => document.querySelectorAll('main script').length")).isEqualTo(0);
        assertThat(browser.problems(page)).isEmpty();
        assertThat(jdbc.sql("SELECT title FROM petition.petition WHERE number = ?").param(number).query(String.class).single())
                .isEqualTo(SCRIPT);
    }

    @Test
    void a_form_sent_after_its_session_expired_is_explained_in_chinese_not_refused_with_a_bare_403() {
        Page page = citizen();
        page.navigate(url("/portal/submit"));
        page.context().clearCookies(); // the session, and with it the form's CSRF token, is gone
        page.getByLabel("标题").fill("过了很久才提交");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下一步：核对信息")).click();
        assertThat(page).hasURL(Pattern.compile("/portal/expired$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("页面已过期");
    }

    private Page citizen() {
        Page page = browser.newPage(Viewport.PHONE);
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", PortalPeople.newAddress()));
        return page;
    }

    private Map<String, Long> counts() {
        return Map.of(
                "petitions", count("petition.petition"),
                "petitioners", count("people.petitioner"),
                "attachments", count("intake.attachment"),
                "drafts", jdbc.sql("SELECT count(*) FROM portal.draft WHERE submitted_at IS NULL").query(Long.class).single());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
