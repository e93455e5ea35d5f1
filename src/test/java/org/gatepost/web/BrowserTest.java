package org.gatepost.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import io.quarkus.test.common.http.TestHTTPResource;
import org.gatepost.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;

/**
 * A real headless Chromium against the application under test: one browser for the whole
 * run, a fresh context (its own storage, service workers and IndexedDB: a new phone) per test.
 */
abstract class BrowserTest {

    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 780;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Fixtures fixtures;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final Map<BrowserContext, Signal> signals = new HashMap<>();

    static synchronized Browser browser() {
        if (browser == null) {
            browser = Browsers.launch(List.of());
            Browsers.say("Chromium " + browser.version() + " started");
        }
        return browser;
    }

    /** A new phone: empty storage, 360×780, the device's language as given. */
    BrowserContext phone(String locale) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setLocale(locale).setTimezoneId("Asia/Shanghai").setServiceWorkers(ServiceWorkerPolicy.ALLOW));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context;
    }

    /** The phone reaches the application through a signal of its own, which {@link #offline} can lose. */
    BrowserContext withSignal(BrowserContext context) {
        signals.put(context, new Signal(base));
        return context;
    }

    /** Where this context's pages open the app: through its signal, if it has one. */
    String address(BrowserContext context) {
        Signal signal = signals.get(context);
        return signal == null ? base.toString() : signal.url();
    }

    /**
     * Takes the phone out of reach or back: its pages see the network go (and come back), and
     * its signal is lost or regained, so that nothing in the context, service worker included,
     * reaches the server meanwhile.
     */
    void offline(BrowserContext context, boolean offline) {
        Signal signal = signals.get(context);
        if (signal == null) {
            throw new IllegalStateException("a phone that goes offline needs a signal: open it withSignal(phone(...))");
        }
        // The signal goes first and comes back first: the page's "online" event finds the server.
        if (offline) {
            signal.lose();
        } else {
            signal.regain();
        }
        context.setOffline(offline);
    }

    BrowserContext desktop(String locale) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setLocale(locale).setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context;
    }

    GateApp open(BrowserContext context) {
        return GateApp.open(context.newPage(), address(context));
    }

    OfficeApp office(BrowserContext context) {
        return OfficeApp.open(context.newPage(), address(context));
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        signals.values().forEach(Signal::close);
        signals.clear();
    }

    /**
     * axe-core on the page as it is: no serious or critical violation; and nothing wider than
     * the screen (no horizontal scrolling).
     */
    static void assertAccessible(GateApp app, String screen) {
        assertAccessible(app.page(), screen);
    }

    static void assertAccessible(OfficeApp app, String screen) {
        assertAccessible(app.page(), screen);
    }

    /**
     * Waits until the screen shows no "Loading…" (in any of the three languages): every part of
     * it has its data, so that what is checked is what a user reads.
     */
    static void waitUntilLoaded(com.microsoft.playwright.Page page) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                page.locator("#view").getByText(java.util.regex.Pattern.compile("^(Loading…|载入中…|載入中…)$"))).hasCount(0);
    }

    static void assertAccessible(com.microsoft.playwright.Page page, String screen) {
        Object overflow = page.evaluate("() => [...document.querySelectorAll('body *')]"
                // Inside an SVG drawing, what passes its edge is clipped by it, not scrolled to.
                + ".filter(e => !e.ownerSVGElement && e.getClientRects().length"
                + " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                + ".map(e => e.outerHTML.slice(0, 80))");
        assertEquals(List.of(), overflow, "elements wider than the " + screen + " screen");
        // Legacy mode runs axe in the page itself: the default one opens a new page (in a new
        // context) for every check to gather frames' results, which only matters for cross-origin
        // frames, and the app has none. The same rules on the same page: both modes found as many
        // violations and passes on each of the 44 screens checked, legacy in half the time.
        AxeResults results = new AxeBuilder(page).setLegacyMode(true).analyze();
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on the " + screen + " screen");
    }
}
