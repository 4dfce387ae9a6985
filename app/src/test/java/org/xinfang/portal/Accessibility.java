package org.xinfang.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.webjars.WebJarVersionLocator;

import com.microsoft.playwright.Page;

/**
 * An automated accessibility check with axe-core (from the {@code org.webjars.npm:axe-core} test
 * dependency, never downloaded). The script is evaluated through the DevTools protocol, which the
 * page's Content Security Policy does not govern, so the pages need no exception for it.
 */
final class Accessibility {

    private static final String AXE = load();

    private Accessibility() {
    }

    /** The serious and critical WCAG 2.1 A/AA violations on the page as it is now: "rule: help @ selectors". */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE);
        }
        Object found = page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                    resultTypes: ['violations'] });
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
        return (List<String>) found;
    }

    private static String load() {
        String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        if (path == null) {
            throw new IllegalStateException("axe-core webjar missing from the test class path");
        }
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core not found at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
