package org.xinfang.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinfang.support.Browser;
import org.xinfang.support.Browser.Viewport;
import org.xinfang.support.IdCards;
import org.xinfang.support.XinfangTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A district handler records a dispute found in screening through the form (first with a mistake), and
 * the city clerk turns it into a petition from the dispute's page.
 */
@XinfangTest
class DisputeBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void a_dispute_is_recorded_through_the_form_and_becomes_a_petition() {
        Page handler = signIn("handler");
        handler.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("矛盾纠纷")).click();
        handler.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记矛盾纠纷")).click();
        handler.getByLabel("排查人").fill("东湖街道 网格员 孙丽");
        handler.getByLabel("属地").selectOption("990102001001");
        handler.getByLabel("具体地点").fill("翠湖社区3号楼");
        handler.getByLabel("纠纷情况").fill("3号楼楼上住户装修漏水，楼下住户多次协商未果，双方发生口角。");
        handler.getByLabel("风险等级").selectOption("MEDIUM");
        handler.getByLabel("责任人").fill("刘洋");
        handler.locator("#p-name-0").fill("钱多多");
        handler.locator("#p-phone-0").fill("1381234");
        handler.locator("#p-name-1").fill("孙小美");
        handler.locator("#p-id-1").fill(IdCards.next());
        handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true)).click();
        assertThat(handler.locator("#p-phone-0 ~ .field-error")).containsText("11 位手机号码");
        browser.screenshot(handler, "dispute-new-error");
        handler.locator("#p-phone-0").fill("13812345678");
        handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true)).click();
        assertThat(handler).hasURL(Pattern.compile("/disputes/MD\\d{4}-\\d{5}$"));
        String number = handler.url().replaceAll(".*/disputes/", "");
        assertThat(handler.locator(".dispute")).containsText("钱多多");
        browser.screenshot(handler, "dispute");
        // the refused first try answered 400, which the browser logs; nothing else may appear
        assertThat(browser.problems(handler)).as("console errors and CSP violations")
                .allMatch(p -> p.contains("/disputes:") && p.contains("status of 400"));

        Page clerk = signIn("clerk");
        clerk.navigate(url("/disputes/" + number));
        assertThat(clerk.locator(".dispute")).containsText("钱多多");
        clerk.getByLabel("信访人").selectOption("1");
        clerk.getByLabel("事项标题").fill("楼上装修漏水纠纷");
        // registering runs intake's checks, classification and the receipt notice: give a busy machine time
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("转为信访事项"))
                .click(new com.microsoft.playwright.Locator.ClickOptions().setNoWaitAfter(true));
        assertThat(clerk.locator(".alert.ok")).containsText("已转为信访事项",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(clerk.locator(".status.big")).hasText("已转信访事项");
        browser.screenshot(clerk, "dispute-converted");
        assertThat(browser.problems(clerk)).isEmpty();
    }

    private Page signIn(String username) {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
