package org.xinfang.workbench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.support.Api;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The clerk's registration forms: keyboard alone, inline checks, the repeat warning, nothing half-saved. */
@XinfangTest
class RegistrationBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_call_is_registered_with_the_keyboard_alone_and_save_and_next_opens_a_fresh_form() {
        Page page = signIn("clerk");
        page.navigate(url("/register/phone"));
        assertThat(page.getByLabel("姓名")).isFocused(); // autofocus: typing starts at once

        page.keyboard().type("赵桂兰");
        tabTo(page, "p-id");
        page.keyboard().type(People.newIdCard());
        tabTo(page, "p-phone");
        page.keyboard().type("0755-23456789");
        tabTo(page, "p-address");
        page.keyboard().type("示范市西山区枫林路6号");
        tabTo(page, "type");
        arrowTo(page, "APPEAL");
        tabTo(page, "category");
        arrowTo(page, "劳动和社会保障");
        tabTo(page, "region");
        arrowTo(page, "990103001");
        assertThat(page.locator("#region option:checked")).hasText("西山区 / 西山街道");
        tabTo(page, "title");
        page.keyboard().type("工地拖欠农民工工资");
        tabTo(page, "content");
        page.keyboard().type("我在西山区某安置房工地务工，包工头拖欠三个月工资共计2.4万元，多次讨要无果，请求督促支付。");
        tabTo(page, "save-next");
        browser.screenshot(page, "register-call-keyboard");
        page.keyboard().press("Enter");

        assertThat(page).hasURL(url("/register/phone"));
        assertThat(page.locator(".receipt")).containsText("查询码");
        String number = page.locator(".receipt a").textContent().trim();
        assertThat(page.getByLabel("姓名")).hasValue("");
        assertThat(page.getByLabel("姓名")).isFocused();
        Map<String, Object> saved = jdbc.sql("SELECT channel, title, region_code FROM petition.petition WHERE number = ?")
                .param(number).query().singleRow();
        assertThat(saved).containsEntry("channel", "PHONE").containsEntry("region_code", "990103001");
        assertThat(browser.problems(page)).isEmpty();
    }

    @Test
    void a_wrong_id_number_and_missing_fields_are_told_next_to_their_fields_and_nothing_is_saved() {
        Page page = signIn("clerk");
        page.navigate(url("/register/letter"));
        long before = count();
        String bad = People.newIdCard();
        bad = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');

        page.getByLabel("居民身份证号码").fill(bad);
        page.getByLabel("居民身份证号码").press("Tab");
        assertThat(page.locator("#id-check")).containsText("校验位错误");

        page.getByLabel("姓名").fill("钱伟");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存登记")).click();

        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("登记信息有误");
        assertThat(page.locator("#e-p-id")).containsText("校验位错误");
        assertThat(page.locator("#e-title")).hasText("此项为必填项。");
        assertThat(page.locator("#e-content")).hasText("此项为必填项。");
        assertThat(page.locator("#e-region")).hasText("此项为必填项。");
        assertThat(page.locator("#title")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("姓名")).hasValue("钱伟"); // what was typed stays
        browser.screenshot(page, "register-errors");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void the_same_person_with_an_open_petition_is_flagged_with_a_link_to_it() {
        String idCard = People.newIdCard();
        Api.Response first = new Api(port).as("clerk").post("/api/v1/petitions", Map.of("channel", "LETTER",
                "petitioner", Map.of("name", "孙丽", "idCardNumber", idCard), "type", "APPEAL", "regionCode", "990102",
                "title", "学校周边道路拥堵", "content", "东湖区实验小学门口每天上下学时段道路严重拥堵，请求增设交通疏导。"));
        assertThat(first.status()).isEqualTo(201);
        String number = first.json().get("number").asString();

        Page page = signIn("clerk");
        page.navigate(url("/register/visit"));
        page.locator("#p-id").fill(idCard);
        page.locator("#p-id").press("Tab");

        assertThat(page.locator("#id-check .dup")).containsText("该信访人有 1 件未办结的信访事项");
        assertThat(page.locator("#id-check a")).hasText(number);
        assertThat(page.locator("#id-check a")).hasAttribute("href", Pattern.compile("/cases/" + number));
        browser.screenshot(page, "register-duplicate-warning");
        assertThat(browser.problems(page)).isEmpty();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM petition.petition").query(Long.class).single();
    }

    /** Presses the down arrow on the focused list until the wanted choice is selected, as a keyboard user does. */
    private static void arrowTo(Page page, String value) {
        for (int i = 0; i < 80; i++) {
            if (value.equals(page.evaluate("() => document.activeElement.value"))) {
                return;
            }
            page.keyboard().press("ArrowDown");
        }
        throw new AssertionError("no choice " + value + " on #" + page.evaluate("() => document.activeElement.id"));
    }

    /** Presses Tab until the element with this id has the focus (date fields take several presses). */
    private static void tabTo(Page page, String id) {
        for (int i = 0; i < 12; i++) {
            page.keyboard().press("Tab");
            if (id.equals(page.evaluate("() => document.activeElement && document.activeElement.id"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id + "; focus is on "
                + page.evaluate("() => document.activeElement && document.activeElement.outerHTML"));
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
