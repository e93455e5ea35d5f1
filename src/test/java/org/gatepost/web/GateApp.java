package org.gatepost.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The gate app in one page, as a volunteer's thumb uses it. */
record GateApp(Page page, String base) {

    static GateApp open(Page page, String base) {
        page.navigate(base);
        page.locator("#view > section").first().waitFor();
        return new GateApp(page, base);
    }

    GateApp signIn(String phone, String password) {
        page.locator("#phone").fill(phone);
        page.locator("#password").fill(password);
        page.locator("#signin-submit").click();
        page.locator("#view > section:not(.signin)").first().waitFor();
        return this;
    }

    /** Waits until the service worker controls the page, so the app opens offline from now on. */
    GateApp installed() {
        page.waitForFunction("navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)");
        return this;
    }

    Locator code(String code) {
        return page.locator(".codes button[data-value=\"" + code + "\"]");
    }

    Locator temperature(String celsius) {
        return page.locator(".temperatures button[data-value=\"" + celsius + "\"]");
    }

    Locator decision(String decision) {
        return page.locator(".decision button[data-value=\"" + decision + "\"]");
    }

    Locator recordButton() {
        return page.locator("#record");
    }

    /** The common case: green code, 36.5 °C, resident walking in, admitted: three taps. */
    GateApp recordGreen() {
        code("GREEN").click();
        temperature("36.5").click();
        return recordTap();
    }

    /** Taps "record" and waits until the entry is in my recent list (so it is in the outbox). */
    GateApp recordTap() {
        int before = page.locator("#recent-list li").count();
        recordButton().click();
        assertThat(page.locator("#recent-list li")).hasCount(before + 1);
        return this;
    }

    /** Waits until none of my entries waits to be sent. */
    GateApp assertAllSent() {
        assertThat(page.locator("#recent-list li .sent-state.pending")).hasCount(0);
        return assertUnsent(0);
    }

    GateApp waitForRecordScreen() {
        code("GREEN").waitFor();
        return this;
    }

    GateApp assertUnsent(int count) {
        assertThat(page.locator("#unsent-count")).hasAttribute("data-count", String.valueOf(count));
        return this;
    }

    GateApp go(String route) {
        page.locator(".tabs a[href=\"#/" + route + "\"]").click();
        return this;
    }

    GateApp reload() {
        page.reload();
        page.locator("#view > section").first().waitFor();
        return this;
    }

    void signOut(boolean confirm) {
        page.locator("#signout").click();
        page.locator("dialog.confirm").waitFor();
        if (confirm) {
            page.locator("#confirm-ok").click();
        } else {
            page.locator("dialog.confirm button.secondary").click();
        }
    }

    /** Opens the scanner and waits for its verdict on what the camera shows. */
    Locator scan() {
        page.locator("#scan-open").click();
        Locator verdict = page.locator("#scan-verdict");
        verdict.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        return verdict;
    }

    /** Closes the scanner, whatever it shows. */
    GateApp closeScanner() {
        page.locator("#scan-close").click();
        assertThat(page.locator("#scanner")).hasCount(0);
        return this;
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SCREENSHOTS.resolve(name + ".png")));
    }
}
