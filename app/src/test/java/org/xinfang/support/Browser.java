package org.xinfang.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A real Chromium for tests, driven by Playwright. Register it once per test class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * </pre>
 *
 * Playwright and Chromium start before the first test of the class and stop after the last. Every
 * {@link #newPage} gets its own browser context (no shared cookies), in Simplified Chinese and the
 * China time zone; the contexts are closed after each test. Each page records its console errors,
 * uncaught script errors and Content Security Policy violations, see {@link #problems}.
 *
 * <p>The browser is never downloaded: Debian's {@code /usr/bin/chromium} is used, and a machine without
 * it fails the tests rather than skipping them.
 */
public final class Browser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, AutoCloseable {

    /** The screens the bureau's staff actually use. */
    public enum Viewport {
        DESKTOP(1366, 850), PHONE(390, 844);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    /** Chromium already logs CSP violations to the console; this makes sure none is ever missed. */
    private static final String REPORT_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', function (e) {
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code'));
            });""";

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Map<Page, List<String>> problems = new IdentityHashMap<>();

    /** Starts Playwright and Chromium; called by JUnit before the first test of the class. */
    public void start() {
        if (chromium != null) {
            return;
        }
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
                    + ", which is missing. Install it with: apt-get install -y chromium fonts-noto-cjk");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    /** A fresh page in its own context (no cookies), sized like the given screen, in Simplified Chinese. */
    public Page newPage(Viewport viewport) {
        start();
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(viewport.width, viewport.height)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(10_000);
        context.addInitScript(REPORT_CSP_VIOLATIONS);
        contexts.add(context);
        Page page = context.newPage();
        List<String> seen = new ArrayList<>();
        problems.put(page, seen);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                seen.add("console error at " + message.location() + ": " + message.text());
            }
        });
        page.onPageError(error -> seen.add("uncaught script error: " + error));
        return page;
    }

    /** Console errors, script errors and CSP violations the page has seen so far; empty if all is well. */
    public List<String> problems(Page page) {
        return List.copyOf(problems.getOrDefault(page, List.of()));
    }

    /** A full-page PNG at {@code target/screenshots/<name>.png} of the app module, for humans to look at. */
    public Path screenshot(Page page, String name) {
        Path folder = Paths.get(System.getProperty("basedir", "."), "target", "screenshots");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = folder.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        problems.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        afterEach(null);
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
