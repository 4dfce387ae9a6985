package org.xinfang.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinfang.shared.ChinaTime;
import org.xinfang.support.Api;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.MutableClock;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import tools.jackson.databind.JsonNode;

/** Tracking on the portal: the neutral answer to wrong codes, the question after a few, the closed review window. */
@XinfangTest
class PortalTrackingBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void wrong_codes_get_one_neutral_message_then_a_question_then_a_pause_and_the_right_code_works_elsewhere() {
        JsonNode receipt = submitByApi("反映菜市场占道经营", "南江街道江湾社区菜市场外占道经营，堵塞消防通道。");
        String number = receipt.get("number").asString();
        Page page = citizen();
        page.navigate(url("/portal/track"));

        // an unknown number and a wrong code read the same: nothing tells which numbers exist
        tryCode(page, "990100-20200101-999999", "AAAAAAAA");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("信访件编号或查询码不正确，请核对后重新输入。");
        for (int i = 0; i < 4; i++) {
            tryCode(page, number, "WRONG" + i);
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("信访件编号或查询码不正确，请核对后重新输入。");
        }
        // after five wrong tries the form asks a small question
        assertThat(page.locator(".challenge label")).hasText(Pattern.compile("\\d+ 加 \\d+ 等于多少？"));
        browser.screenshot(page, "portal-track-challenge-phone");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.getByLabel("信访件编号").fill(number);
        page.getByLabel("查询码").fill(receipt.get("queryCode").asString());
        page.locator("#challengeAnswer").fill("999");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("验证问题的答案不正确，请回答新的问题。");

        // answering it, the right code opens the case
        String question = page.locator(".challenge label").textContent();
        String[] n = question.replaceAll("[^0-9 ]", " ").trim().split("\\s+");
        page.getByLabel("信访件编号").fill(number);
        page.getByLabel("查询码").fill(receipt.get("queryCode").asString());
        page.locator("#challengeAnswer").fill(Integer.toString(Integer.parseInt(n[0]) + Integer.parseInt(n[1])));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page).hasURL(Pattern.compile("/portal/track/" + number + "$"));
        assertThat(page.locator(".status")).hasText("已登记");
    }

    @Test
    void after_the_thirty_days_the_review_request_is_refused_with_the_reason() {
        at("2026-04-01", 9);
        JsonNode receipt = submitByApi("反映小区停车收费", "湖滨街道柳岸社区停车位收费标准未经业主大会表决。");
        String number = receipt.get("number").asString();
        PortalPeople.staffAnswer(port, jdbc, number, "经查，停车收费标准已经业主大会表决通过并公示。如不服本答复，可自收到之日起30日内申请复查。");

        at("2026-05-07", 9); // the window ended on 2026-05-06 (劳动节 moves the last day)
        Page page = citizen();
        page.navigate(url("/portal/track"));
        page.getByLabel("信访件编号").fill(number);
        page.getByLabel("查询码").fill(receipt.get("queryCode").asString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page.locator(".status")).hasText("已办结");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("申请复查"))).hasCount(0);
        assertThat(page.locator("#actions")).containsText("复查（复核）申请期限已届满");
        assertThat(page.locator("table.deadlines")).containsText("已届满");

        // a request sent anyway (an old tab, a crafted form) is refused with the reason, and nothing changes
        String csrf = page.locator("form.inline input[name=_csrf]").getAttribute("value");
        APIResponse late = page.request().post(url("/portal/track/" + number + "/review"),
                RequestOptions.create().setForm(FormData.create().set("_csrf", csrf).set("reason", "不服答复")));
        assertThat(late.text()).contains("已超过30日的申请期限，不能再申请复查或复核。");
        assertThat(jdbc.sql("SELECT status FROM petition.petition WHERE number = ?").param(number).query(String.class).single())
                .isEqualTo("ANSWERED");
        browser.screenshot(page, "portal-tracked-window-closed-phone");
    }

    @Test
    void the_portal_speaks_english_on_request() {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/portal?lang=en"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Online petitions");
        page.navigate(url("/portal/submit"));
        assertThat(page.getByLabel("Resident ID card number")).isVisible();
        browser.screenshot(page, "portal-submit-en-desktop");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        page.navigate(url("/portal?lang=zh"));
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
    }

    private void tryCode(Page page, String number, String code) {
        page.getByLabel("信访件编号").fill(number);
        page.getByLabel("查询码").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
    }

    private Page citizen() {
        Page page = browser.newPage(Viewport.PHONE);
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", PortalPeople.newAddress()));
        return page;
    }

    private JsonNode submitByApi(String title, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "孙立");
        body.put("idCardNumber", PortalPeople.idCard());
        body.put("phone", "13500135000");
        body.put("address", "示范市东湖区湖滨路1号");
        body.put("regionCode", "990102002");
        body.put("title", title);
        body.put("content", content);
        Api.Response r = new Api(port).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/public/petitions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private void at(String date, int hour) {
        clock.set(LocalDate.parse(date).atTime(LocalTime.of(hour, 0)).atZone(ChinaTime.ZONE).toInstant());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
