package org.gatepost.web;

import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The same app as a village cadre or an official uses it, at a desk or on a phone. */
record OfficeApp(Page page, String base) {

    static OfficeApp open(Page page, String base) {
        // What goes wrong in the page shows in the test's output.
        page.onPageError(error -> System.out.println("[browser] page error: " + error));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                System.out.println("[browser] console: " + message.text());
            }
        });
        page.addInitScript("window.addEventListener('error', (e) => console.error(e.error && e.error.stack));"
                + "window.addEventListener('unhandledrejection', (e) => console.error(e.reason && e.reason.stack));");
        page.navigate(base);
        page.locator("#view > section").first().waitFor();
        return new OfficeApp(page, base);
    }

    OfficeApp signIn(String phone, String password) {
        page.locator("#phone").fill(phone);
        page.locator("#password").fill(password);
        page.locator("#signin-submit").click();
        try {
            page.locator("#view > section:not(.signin)").first().waitFor();
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("not signed in; the page says: " + page.evaluate(
                    "() => location.hash + ' | ' + document.querySelector('#signin-error')?.textContent + ' | ' + document.body.dataset.live + ' | ' + [...document.querySelectorAll('#view > *')].map(e => e.outerHTML.slice(0, 120)).join(' || ')"), e);
        }
        return this;
    }

    /** Opens a screen by its address, e.g. "board?week=2026-03-02". */
    OfficeApp go(String route) {
        page.navigate(base + "#/" + route);
        return this;
    }

    Locator $(String selector) {
        return page.locator(selector);
    }

    /** Confirms the open dialog (form or question). */
    void confirm() {
        page.locator("dialog[open] #dialog-ok, dialog[open] #confirm-ok").first().click();
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    Path screenshotPath(String name) {
        return BrowserTest.SCREENSHOTS.resolve(name + ".png");
    }
}
