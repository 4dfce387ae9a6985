package org.xinfang.workbench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
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

/** Signing in and out in a real Chromium, as the bureau's staff do it every morning. */
@XinfangTest
class LoginPageBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheWrongPassword() {
        jdbc.sql("UPDATE organization.staff_user SET failed_attempts = 0, locked_until = NULL WHERE username = 'clerk'")
                .update();
    }

    @Test
    void the_login_page_speaks_simplified_chinese_and_its_labels_name_their_fields() {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));

        assertThat(page.title()).contains("信访");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("信访工作平台"))).isVisible();
        assertThat(page.getByLabel("用户名")).hasAttribute("id", "username");
        assertThat(page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true))).hasAttribute("type", "password");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))).isVisible();
        browser.screenshot(page, "login");

        assertOwnScriptsRanWithoutComplaint(page);
    }

    @Test
    void a_clerk_signs_in_with_the_keyboard_alone_and_lands_on_her_home_page() {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        assertThat(page.getByLabel("用户名")).isFocused(); // autofocus: no mouse needed to start typing

        page.keyboard().type("clerk");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true))).isFocused();
        page.keyboard().type("xinfang-demo");
        page.keyboard().press("Enter");

        assertThat(page).hasURL(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("您好，李晓梅");
        assertThat(page.locator("main")).containsText("示范市信访局");
        assertThat(page.locator("main .tag")).hasText("登记员");
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("李晓梅 · 示范市信访局");
        browser.screenshot(page, "home-clerk");

        assertOwnScriptsRanWithoutComplaint(page);
    }

    @Test
    void a_wrong_password_is_refused_in_chinese_and_the_user_stays_on_the_login_page() {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));

        page.getByLabel("用户名").fill("clerk");
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

        assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("用户名或密码错误。");
        assertThat(page.getByLabel("用户名")).isVisible();
        browser.screenshot(page, "login-error");

        assertOwnScriptsRanWithoutComplaint(page);
    }

    @Test
    void a_handler_sees_her_district_bureau_and_signs_out_again() {
        Page page = browser.newPage(Viewport.DESKTOP);
        signIn(page, "handler");

        assertThat(page.locator("main")).containsText("东湖区住房和城乡建设局");
        assertThat(page.locator("main .tag")).hasText("承办人");
        browser.screenshot(page, "home-handler");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出")).click();

        assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("您已安全退出。");
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login")); // the session is really gone
        assertOwnScriptsRanWithoutComplaint(page);
    }

    @Test
    void the_login_page_switches_to_english_on_request() {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login?lang=en"));

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(page.getByLabel("Username")).hasAttribute("id", "username");
        browser.screenshot(page, "login-en");

        assertOwnScriptsRanWithoutComplaint(page);
    }

    @Test
    void an_anonymous_visit_to_the_workbench_is_sent_to_the_login_page() {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/"));

        assertThat(page).hasURL(url("/login"));
        assertThat(page.getByLabel("用户名")).isVisible();
        assertOwnScriptsRanWithoutComplaint(page);
    }

    @Test
    void on_a_phone_the_login_and_home_pages_fit_the_screen() {
        Page page = browser.newPage(Viewport.PHONE);
        page.navigate(url("/login"));
        assertNoSidewaysScrolling(page);
        browser.screenshot(page, "login-phone");

        signIn(page, "handler2");
        assertNoSidewaysScrolling(page);
        assertTopBarWordsStayOnOneLine(page);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出"))).isInViewport();
        browser.screenshot(page, "home-phone");
        assertOwnScriptsRanWithoutComplaint(page);
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(url("/"));
    }

    /**
     * htmx and our own script are loaded from 'self' under {@code script-src 'self'}: htmx must be there,
     * and nothing may have been blocked, missing (404) or thrown.
     */
    private static void assertOwnScriptsRanWithoutComplaint(Page page) {
        assertThat(page.evaluate("() => typeof window.htmx")).as("htmx loaded").isEqualTo("object");
        assertThat(browser.problems(page)).as("console errors and CSP violations").isEmpty();
    }

    private static void assertNoSidewaysScrolling(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("pixels the page is wider than the phone").isLessThanOrEqualTo(0);
    }

    /** On a narrow screen words like 工作台 or 退出 must not be broken into a column, one character a line. */
    private static void assertTopBarWordsStayOnOneLine(Page page) {
        Object broken = page.evaluate("""
                () => [...document.querySelectorAll('.topbar .brand, .topbar nav a, .topbar .who a, .topbar .who button')]
                        .filter(e => e.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(e).fontSize))
                        .map(e => e.textContent.trim())""");
        assertThat((List<?>) broken).as("top bar items broken over several lines").isEmpty();
        Object spill = page.evaluate("() => { const bar = document.querySelector('.topbar'); return bar.scrollHeight - bar.clientHeight; }");
        assertThat(((Number) spill).intValue()).as("pixels the top bar's content spills out of it").isLessThanOrEqualTo(0);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
