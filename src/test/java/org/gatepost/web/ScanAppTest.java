package org.gatepost.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gatepost.account.Account;
import org.gatepost.pass.SigningKeys;
import org.gatepost.place.Place;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Api;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scanning at the gate in a real Chromium whose camera is fake: it shows a scene written by
 * the test (a pass card, a phone with a health code or a visitor's check-in code), and the
 * app decodes it, verifies it on the phone against the server's trust data and proposes what
 * to record.
 */
@QuarkusTest
class ScanAppTest extends BrowserTest {

    @Inject
    SigningKeys signingKeys;

    World w;
    Shift shift;
    private final List<BrowserContext> cameraContexts = new ArrayList<>();

    /** A pass as the API issued it. */
    record Issued(String householdId, int serial, String token) {
    }

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
                // already gone with its browser
            }
        });
        cameraContexts.clear();
    }

    /** The cadre registers a household and issues its pass, as on the households screen. */
    Issued issue(Place village, Account cadre, String label) {
        String token = fixtures.token(cadre);
        String id = as(token).body(Map.of("label", label, "head", "王芳", "members", List.of("李偉")))
                .post("/api/v1/villages/" + village.id + "/households").then().statusCode(201).extract().path("id");
        Response pass = as(token).body(Map.of()).post("/api/v1/households/" + id + "/pass").then().statusCode(201).extract().response();
        return new Issued(id, pass.path("serial"), pass.path("token"));
    }

    static Path card(String token) {
        return FakeCamera.scene(token, FakeCamera.BLACK, FakeCamera.Holder.CARD, FakeCamera.Light.DAYLIGHT);
    }

    /** A phone whose back camera shows the scene, with the app open, volunteer A signed in and the trust data loaded. */
    GateApp phoneShowing(Path scene, String locale) {
        Browser browser = CameraBrowsers.showing(scene);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setLocale(locale).setTimezoneId("Asia/Shanghai").setServiceWorkers(ServiceWorkerPolicy.ALLOW));
        context.setDefaultTimeout(20_000);
        cameraContexts.add(context);
        withSignal(context);
        GateApp app = GateApp.open(context.newPage(), address(context));
        app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        assertThat(app.page().locator("#trust-line")).hasAttribute("data-state", "fresh");
        // The decoder and its wasm come from the service worker's cache when the network is off.
        return app.installed();
    }

    @Test
    void aPassScannedOfflineLinksTheEntryAndTheUsedUpLimitProposesRefusal() {
        as(fixtures.token(w.cadreA())).body(Map.of("outings", 1, "days", 2))
                .put("/api/v1/villages/" + w.villageA().id + "/outing-limit").then().statusCode(200);
        Issued pass = issue(w.villageA(), w.cadreA(), "12-3");
        GateApp app = phoneShowing(card(pass.token()), "en-US");
        offline(app.page().context(), true);

        Locator verdict = app.scan();
        assertThat(verdict).hasAttribute("data-outcome", "ok");
        assertThat(app.page().locator("#scan-headline")).hasText("Valid pass");
        assertThat(app.page().locator("#scan-household")).hasText("Household 12-3");
        assertThat(app.page().locator("#scan-outings")).containsText("Outings this period: 0 of 1");
        assertAccessible(app, "pass verdict");
        app.screenshot("scan-pass-ok");
        app.page().locator("#scan-use").click();
        assertThat(app.page().locator("#pass-line")).containsText("household 12-3");
        assertThat(app.page().locator(".choices button.direction-out")).hasAttribute("aria-pressed", "true");
        app.code("GREEN").click();
        app.temperature("36.5").click();
        app.recordTap();
        app.assertUnsent(1);

        // The same household again, still offline: its outing is counted on the phone.
        verdict = app.scan();
        assertThat(verdict).hasAttribute("data-outcome", "limit");
        assertThat(app.page().locator("#scan-outings")).containsText("1 of 1");
        assertThat(app.page().locator("#scan-reason")).containsText("turning away is proposed");
        app.screenshot("scan-pass-limit");
        app.page().locator("#scan-use").click();
        app.code("GREEN").click();
        app.temperature("36.5").click();
        assertThat(app.decision("REFUSED")).hasAttribute("aria-pressed", "true");
        assertThat(app.page().locator("#why")).containsText("outings for this period are used up");
        assertThat(app.page().locator("#reason")).hasValue("Household outing limit used up");
        app.recordTap();

        offline(app.page().context(), false);
        app.assertAllSent();
        assertEquals(List.of("OUT ADMITTED GREEN " + pass.householdId() + " " + pass.serial(),
                        "OUT REFUSED GREEN " + pass.householdId() + " " + pass.serial()),
                fixtures.rows("""
                        SELECT direction || ' ' || decision || ' ' || health_code || ' ' || pass_household_id || ' ' || pass_serial
                          FROM entry WHERE recorded_by = :v ORDER BY occurred_at""", Map.of("v", w.volunteerA().id)));
    }

    @Test
    void refusesTamperedForgedExpiredRevokedAndOtherVillagePassesWithTheReason() {
        Issued good = issue(w.villageA(), w.cadreA(), "3-1");
        String[] parts = good.token().split("\\.");
        Issued other = issue(w.villageA(), w.cadreA(), "3-2");
        Issued revoked = issue(w.villageA(), w.cadreA(), "3-3");
        as(fixtures.token(w.cadreA())).delete("/api/v1/households/" + revoked.householdId() + "/pass").then().statusCode(204);
        Issued elsewhere = issue(w.villageB(), w.cadreB(), "3-4");
        Instant later = Instant.now().plus(Duration.ofDays(30));
        record Case(String token, String reason, String text) {
        }
        List<Case> cases = List.of(
                // Another household's claims under the good pass's signature.
                new Case(parts[0] + "." + other.token().split("\\.")[1] + "." + parts[2], "signature", "The signature is wrong"),
                new Case(PassTokens.forger().pass(good.householdId(), w.villageA().id, good.serial(), later), "unknownKey",
                        "a key this phone does not know"),
                new Case(PassTokens.installation(signingKeys).pass(good.householdId(), w.villageA().id, good.serial(),
                        Instant.now().minus(Duration.ofHours(1))), "expired", "has expired"),
                new Case(revoked.token(), "revoked", "was revoked"),
                new Case(elsewhere.token(), "otherVillage", "another village"));
        // One phone, offline, shown each card in turn: the camera plays the scene it is shown
        // when the scanner opens.
        GateApp app = phoneShowing(card(cases.get(0).token()), "en-US");
        offline(app.page().context(), true);
        for (Case c : cases) {
            CameraBrowsers.play(card(c.token()));
            Locator verdict = app.scan();
            assertThat(verdict).hasAttribute("data-outcome", "refused");
            assertThat(verdict).hasAttribute("data-reason", c.reason());
            assertThat(app.page().locator("#scan-headline")).hasText("Pass refused");
            assertThat(app.page().locator("#scan-reason")).containsText(c.text());
            assertThat(app.page().locator("#scan-use")).hasCount(0);
            if (c.reason().equals("revoked")) {
                assertAccessible(app, "refused pass");
                app.screenshot("scan-pass-refused");
            }
            app.closeScanner();
        }
    }

    @Test
    void aVisitorsCheckInCodeFillsTheForm() {
        // The visitor's own phone, at the gate's poster: the public page asks, the server answers a signed code.
        String poster = as(fixtures.token(w.cadreA())).get("/api/v1/checkpoints/" + w.checkpointA1().id + "/poster")
                .then().statusCode(200).extract().path("url");
        String code = Api.anonymous().body(Map.of("origin", "松源街道", "purpose", "送蔬菜", "partySize", 2, "plate", "浙K12345"))
                .post("/api/v1/public/check-in/" + poster.substring(poster.indexOf('#') + 1))
                .then().statusCode(201).extract().path("code");
        GateApp app = phoneShowing(FakeCamera.scene(code, FakeCamera.BLACK, FakeCamera.Holder.PHONE, FakeCamera.Light.DAYLIGHT), "zh-CN");
        offline(app.page().context(), true);
        Locator verdict = app.scan();
        assertThat(verdict).hasAttribute("data-kind", "checkin");
        assertThat(verdict).containsText("松源街道");
        app.page().locator("#scan-use").click();
        assertThat(app.page().locator("#visitor-origin")).hasValue("松源街道");
        assertThat(app.page().locator("#visitor-purpose")).hasValue("送蔬菜");
        assertThat(app.page().locator("#visitor-plate")).hasValue("浙K12345");
        assertThat(app.page().locator("#party-size")).hasText("2");
        assertThat(app.page().locator(".choices button.person-false")).hasAttribute("aria-pressed", "true");

        // Another village's gate's code, shown at this gate: refused, nothing filled in.
        String elsewhere = PassTokens.installation(signingKeys).checkin(w.checkpointB1().id, w.villageB().id, "龍泉", "探親", 1, null,
                Instant.now().plus(Duration.ofMinutes(15)));
        GateApp other = phoneShowing(FakeCamera.scene(elsewhere, FakeCamera.BLACK, FakeCamera.Holder.PHONE, FakeCamera.Light.DAYLIGHT),
                "zh-CN");
        verdict = other.scan();
        assertThat(verdict).hasAttribute("data-reason", "otherVillage");
        assertThat(other.page().locator("#scan-headline")).hasText("访客登记码无效");
        assertThat(other.page().locator("#scan-use")).hasCount(0);
    }

    @Test
    void readsTheHealthCodesColourInDaylightAndAtNight() {
        record Case(Color colour, FakeCamera.Light light, String code) {
        }
        List<Case> cases = new ArrayList<>();
        for (FakeCamera.Light light : FakeCamera.Light.values()) {
            cases.add(new Case(FakeCamera.GREEN, light, "GREEN"));
            cases.add(new Case(FakeCamera.YELLOW, light, "YELLOW"));
            cases.add(new Case(FakeCamera.RED, light, "RED"));
        }
        // One phone, shown each health code in turn.
        GateApp app = phoneShowing(FakeCamera.nothing(), "en-US");
        for (Case c : cases) {
            CameraBrowsers.play(FakeCamera.scene("https://health.example/code?u=" + c.code() + c.light(), c.colour(),
                    FakeCamera.Holder.PHONE, c.light()));
            Locator verdict = app.scan();
            assertThat(verdict).hasAttribute("data-colour", c.code());
            assertThat(verdict.locator("button[aria-pressed=true]")).hasAttribute("data-value", c.code());
            app.screenshot("scan-health-" + c.code().toLowerCase() + "-" + c.light().name().toLowerCase());
            if (c.code().equals("RED") && c.light() == FakeCamera.Light.DIM) {
                // The volunteer confirms with one tap; only the colour, read by scanning, is recorded.
                verdict.locator("button[data-value=RED]").click();
                assertThat(app.code("RED")).hasAttribute("aria-pressed", "true");
                app.temperature("36.5").click();
                app.decision("REFUSED").click();
                app.recordTap().assertAllSent();
                assertEquals(List.of("RED SCANNED REFUSED"), fixtures.rows(
                        "SELECT health_code || ' ' || health_code_read || ' ' || decision FROM entry WHERE recorded_by = :v",
                        Map.of("v", w.volunteerA().id)));
            } else {
                app.closeScanner();
            }
        }
    }

    @Test
    void theScannerShowsTheCameraAndLetsItGoWhenClosed() {
        GateApp app = phoneShowing(FakeCamera.nothing(), "zh-CN");
        app.page().locator("#scan-open").click();
        assertThat(app.page().locator("#scan-status")).hasText("把二维码放进框内：户通行证、访客登记码或健康码。");
        app.page().waitForFunction("document.querySelector('#scan-video')?.srcObject?.active === true");
        // Chromium's fake camera has no torch: no torch button.
        assertThat(app.page().locator("#scan-torch")).isHidden();
        assertAccessible(app, "scanner");
        app.screenshot("scan-camera");
        app.page().locator("#scan-close").click();
        assertThat(app.page().locator("#scanner")).hasCount(0);
        assertThat(app.code("GREEN")).isVisible();
    }
}
