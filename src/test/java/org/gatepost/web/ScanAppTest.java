package org.gatepost.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scanning at the gate in a real Chromium whose camera is fake: it shows a scene written by
 * the test (a pass card, a phone with a health code or a visitor's check-in code), and the
 * app decodes it, verifies it on the phone and proposes what to record.
 */
@QuarkusTest
class ScanAppTest extends BrowserTest {

    World w;
    Shift shift;
    final SelfSignedPasses passes = new SelfSignedPasses();
    private final List<BrowserContext> cameraContexts = new ArrayList<>();

    @BeforeEach
    void world() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        w = fixtures.world();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        shift = fixtures.shift(w.checkpointA1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), 2);
        fixtures.assignment(shift, w.volunteerA(), null, null, null);
    }

    @AfterEach
    void closeCameraContexts() {
        cameraContexts.forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // its browser was closed to make room for another scene
            }
        });
        cameraContexts.clear();
    }

    /** A phone whose back camera shows the scene, with the app open and volunteer A signed in. */
    GateApp phoneShowing(Path scene, String locale, String trustData) {
        Browser browser = CameraBrowsers.showing(scene);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setLocale(locale).setTimezoneId("Asia/Shanghai").setServiceWorkers(ServiceWorkerPolicy.ALLOW));
        context.setDefaultTimeout(20_000);
        cameraContexts.add(context);
        if (trustData != null) {
            context.route("**/api/v1/trust-data", route -> route.fulfill(new Route.FulfillOptions()
                    .setStatus(200).setHeaders(Map.of("Content-Type", "application/json", "ETag", "\"t1\"")).setBody(trustData)));
        }
        GateApp app = GateApp.open(context.newPage(), base.toString());
        app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        assertThat(app.page().locator("#trust-line")).containsText("Trust data from");
        return app;
    }

    private String trust(List<Map<String, Object>> revoked) {
        return passes.trustData(w.villageA().id, revoked, null, List.of());
    }

    @Test
    void scansAGoodPassOffline() {
        UUID household = UUID.randomUUID();
        String token = passes.pass(household, w.villageA().id, 7, Instant.now().plus(Duration.ofDays(30)));
        GateApp app = phoneShowing(FakeCamera.scene(token, FakeCamera.BLACK, FakeCamera.Holder.CARD, FakeCamera.Light.DAYLIGHT),
                "en-US", passes.trustData(w.villageA().id, List.of(), null,
                        List.of(Map.of("householdId", household.toString(), "villageId", w.villageA().id.toString(),
                                "label", "12-3", "serial", 7))));
        app.page().context().setOffline(true);
        Locator verdict = app.scan();
        assertThat(verdict).hasAttribute("data-outcome", "ok");
        assertThat(verdict).containsText("Household 12-3");
        app.screenshot("scan-pass-ok");
    }

    @Test
    void readsTheHealthCodesColour() {
        record Case(java.awt.Color colour, FakeCamera.Light light, String code) {
        }
        List<Case> cases = new ArrayList<>();
        for (FakeCamera.Light light : FakeCamera.Light.values()) {
            cases.add(new Case(FakeCamera.GREEN, light, "GREEN"));
            cases.add(new Case(FakeCamera.YELLOW, light, "YELLOW"));
            cases.add(new Case(FakeCamera.RED, light, "RED"));
        }
        for (Case c : cases) {
            GateApp app = phoneShowing(FakeCamera.scene("https://health.example/code?u=" + UUID.randomUUID(), c.colour(),
                    FakeCamera.Holder.PHONE, c.light()), "en-US", trust(List.of()));
            Locator verdict = app.scan();
            assertThat(verdict).hasAttribute("data-colour", c.code());
            app.screenshot("scan-health-" + c.code().toLowerCase() + "-" + c.light().name().toLowerCase());
        }
    }
}
