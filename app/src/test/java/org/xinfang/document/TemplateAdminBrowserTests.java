package org.xinfang.document;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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

/** An administrator edits a unit's template and uploads its seal in a real Chromium. */
@XinfangTest
class TemplateAdminBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signedIn(String user) {
        Page page = browser.newPage(Viewport.DESKTOP);
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(user);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("xinfang-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.waitForURL(url("/"));
        return page;
    }

    @Test
    void an_administrator_saves_a_new_version_is_told_what_is_wrong_first_and_uploads_a_seal() throws Exception {
        long unit = jdbc.sql("SELECT id FROM organization.unit WHERE code = '990104-ZJJ'").query(Long.class).single();
        Page page = signedIn("admin");
        page.navigate(url("/admin/document-templates?kind=EXTENSION_NOTICE&unitId=" + unit));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("公文模板");
        assertThat(page.locator("main")).containsText("本单位尚无专用模板");
        assertThat(page.getByLabel("标题")).hasValue("信访事项延期办理告知书");

        page.getByLabel("正文（每段一行）").fill("因{延期理由}，办理期限延长{延期天数}日。{办结时间}");
        page.getByLabel("机关代字（文号前缀，留空则自动生成）").fill("南建");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存为新版本")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("保存未成功，请按提示修改。");
        assertThat(page.locator(".field-error")).containsText("占位符{办结时间}不可用");
        assertThat(page.getByLabel("机关代字（文号前缀，留空则自动生成）")).hasValue("南建"); // nothing typed is lost
        browser.screenshot(page, "document-templates-error");

        page.getByLabel("正文（每段一行）").fill("因{延期理由}，办理期限延长{延期天数}日，本机关将于{办理期限}前办结。");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存为新版本")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已保存为第");
        assertThat(page.locator("table.list tbody tr")).hasCount(1);

        Path seal = Files.createTempFile("seal", ".png");
        Files.write(seal, DocumentAccessTests.seal());
        page.getByLabel("印章图片（PNG 格式，透明底色，不超过1MB）").setInputFiles(seal);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传印章")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("印章已更新");
        assertThat(page.locator("main")).containsText("本单位已设置印章");
        assertThat(page.locator("table.list tbody tr")).hasCount(2);
        browser.screenshot(page, "document-templates");
        assertThat(browser.problems(page)).isEmpty();
        Files.deleteIfExists(seal);

        Page clerk = signedIn("clerk");
        assertThat(clerk.navigate(url("/admin/document-templates")).status()).isEqualTo(403);
    }
}
