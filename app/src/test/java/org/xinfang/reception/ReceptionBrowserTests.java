package org.xinfang.reception;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.support.Api;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A citizen finds the leader's reception day on the portal on a phone, books the last place and gets a
 * booking number; the day then shows as fully booked; the clerk sees the appointment in the workbench.
 */
@XinfangTest
class ReceptionBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void a_citizen_books_the_last_place_of_a_reception_day_on_the_portal() {
        LocalDate day = LocalDate.now().plusDays(10);
        Api.Response published = new Api(port).as("clerk").post("/api/v1/reception/slots", Map.of("leaderName", "陈志远",
                "leaderPost", "副市长", "heldOn", day.toString(), "startsAt", "14:30", "endsAt", "17:00",
                "place", "市信访局二楼接待室", "topics", "住房保障、物业管理", "capacity", 1));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long slot = published.json().get("id").asLong();

        Page page = browser.newPage(Viewport.PHONE);
        page.navigate(url("/portal"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("领导接访")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("领导接访日");
        Locator card = page.locator(".slot-card", new Page.LocatorOptions().setHasText("市信访局二楼接待室"));
        assertThat(card).containsText("还可预约 1 人");
        browser.screenshot(page, "portal-reception-schedule");
        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("预约此场")).click();

        // an empty form is told what is missing
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认预约")).click();
        assertThat(page.locator(".error-summary")).containsText("手机号码");
        page.getByLabel("姓名").fill("林秀英");
        page.getByLabel("手机号码").fill("139-1234-5678");
        page.getByLabel("反映事项").fill("小区物业擅自占用公共绿地建停车位，多次反映未解决。");
        browser.screenshot(page, "portal-reception-book");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认预约")).click();

        assertThat(page).hasURL(Pattern.compile("/portal/reception/booked$"));
        assertThat(page.locator(".booking-number strong")).hasText(Pattern.compile("JF\\d{8}-\\d{4}"));
        browser.screenshot(page, "portal-reception-booked");
        assertThat(browser.problems(page)).as("console errors and CSP violations").isEmpty();

        page.navigate(url("/portal/reception"));
        assertThat(page.locator(".slot-card", new Page.LocatorOptions().setHasText("市信访局二楼接待室"))).containsText("已约满");
        page.navigate(url("/portal/reception/" + slot));
        page.getByLabel("姓名").fill("郑大伟");
        page.getByLabel("手机号码").fill("13812340009");
        page.getByLabel("反映事项").fill("拆迁补偿");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认预约")).click();
        assertThat(page.locator(".alert.error")).containsText("已约满");

        // the clerk's view of the day
        Page clerk = browser.newPage(Viewport.DESKTOP);
        clerk.navigate(url("/login"));
        clerk.getByLabel("用户名").fill("clerk");
        clerk.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("领导接访")).click();
        clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(day.toString())).first().click();
        assertThat(clerk.locator("table.worklist").first()).containsText("林秀英");
        assertThat(clerk.locator("table.worklist").first()).containsText("网上预约");
        browser.screenshot(clerk, "reception-day");
        assertThat(browser.problems(clerk)).as("console errors and CSP violations").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
