package org.gatepost.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.account.Account;
import org.gatepost.caller.Role;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Api;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate app in a real Chromium against the application on PostgreSQL, as volunteers use it. */
@QuarkusTest
class GateAppTest extends BrowserTest {

    /** Sending after a failure waits 1 s, 2 s, 4 s …: long enough for a few of them. */
    private static final LocatorAssertions.HasAttributeOptions PATIENT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);

    @Inject
    ServiceWorkerScript serviceWorker;

    World w;
    Shift shift;

    @BeforeEach
    void world() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        w = fixtures.world();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        shift = fixtures.shift(w.checkpointA1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), 2);
        fixtures.assignment(shift, w.volunteerA(), null, null, null);
    }

    @Test
    void signsInInEachLanguageFollowingTheDevice() {
        record Case(String locale, String title, String admit) {
        }
        // One device per language; which language each locale gets (zh-HK, zh, fr-FR...) is
        // AppLogicTest.theFirstLanguageFollowsTheDevice, without a sign-in each.
        for (Case c : List.of(new Case("zh-CN", "登录", "放行并登记"), new Case("zh-TW", "登入", "放行並登記"),
                new Case("en-US", "Sign in", "Admit and record"))) {
            GateApp app = open(phone(c.locale()));
            assertThat(app.page().locator("h1")).hasText(c.title());
            app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
            app.code("GREEN").click();
            assertThat(app.recordButton()).hasText(c.admit());
            if (c.locale().equals("zh-CN")) {
                app.screenshot("signin-done");
            }
        }
    }

    @Test
    void theLanguageSwitchChangesEverythingAtOnceAndIsRemembered() {
        GateApp app = open(phone("en-US"));
        app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        assertThat(app.page().locator(".tabs")).containsText("Record");
        app.page().locator("#language").selectOption("zh-Hant");
        assertThat(app.page().locator(".tabs")).containsText("登記");
        assertThat(app.page().locator("#signout")).hasText("登出");
        app.reload();
        assertThat(app.page().locator(".tabs")).containsText("待發送");
        assertEquals("zh-Hant", app.page().locator("html").getAttribute("lang"));
    }

    @Test
    void recordsTheCommonCaseInThreeTapsAndTheServerHoldsIt() {
        GateApp app = open(phone("zh-CN"));
        app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        assertThat(app.page().locator("#checkpoint")).hasValue(w.checkpointA1().id.toString());
        assertAccessible(app, "record");
        app.screenshot("gate-record");

        app.code("GREEN").click();
        app.temperature("36.5").click();
        app.recordTap();

        app.assertAllSent();
        assertThat(app.page().locator("#today-entries")).hasText("1");
        assertThat(app.page().locator("#recent-list li")).hasCount(1);
        assertThat(app.page().locator("#recent-list li").first()).containsText("已发送");
        List<Object> stored = fixtures.rows("""
                SELECT health_code || ' ' || temperature || ' ' || decision || ' ' || direction || ' ' || resident
                       || ' ' || party_size || ' ' || checkpoint_id FROM entry WHERE recorded_by = :v""",
                Map.of("v", w.volunteerA().id));
        assertEquals(List.of("GREEN 36.5 ADMITTED IN true 1 " + w.checkpointA1().id), stored);
        app.screenshot("gate-recorded");
    }

    @Test
    void proposesTheServersDecisionAndNeverSendsAForbiddenAdmission() {
        GateApp app = open(phone("en-US"));
        app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        app.code("GREEN").click();
        app.temperature("37.0").click();
        for (int i = 0; i < 3; i++) {
            app.page().locator("button[aria-label='Raise by 0.1 °C']").click();
        }
        assertThat(app.page().locator("#temperature-value")).containsText("37.3");
        assertThat(app.page().locator("#why")).containsText("fever");
        assertThat(app.decision("ADMITTED")).isDisabled();
        assertThat(app.decision("REFERRED")).hasAttribute("aria-pressed", "true");
        assertThat(app.recordButton()).hasText("Refer and record");

        app.code("RED").click();
        app.temperature("36.5").click();
        assertThat(app.decision("ADMITTED")).isDisabled();
        assertThat(app.page().locator("#why")).containsText("Red code");
        app.decision("REFUSED").click();
        app.screenshot("gate-red-code");
        app.recordTap().assertAllSent();

        app.code("NO_PHONE").click();
        app.page().locator(".adjuster button[aria-pressed]").first().click(); // not taken
        assertThat(app.decision("ADMITTED")).isDisabled();
        assertThat(app.page().locator("#why")).containsText("only with a temperature");

        assertEquals(List.of("RED REFUSED"), fixtures.rows(
                "SELECT health_code || ' ' || decision FROM entry WHERE recorded_by = :v", Map.of("v", w.volunteerA().id)));
    }

    @Test
    void registersAVisitorWithOriginAndPurpose() {
        GateApp app = open(phone("zh-CN"));
        app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        app.code("GREEN").click();
        app.temperature("36.3").click();
        app.page().locator(".choice[data-value='false']").click();
        app.page().locator("button[aria-label='多一人']").click();
        app.recordButton().click();
        assertThat(app.page().locator("#record-error")).hasText("请填写从哪里来");
        app.page().locator("#visitor-origin").fill("松源街道");
        app.page().locator("#visitor-purpose").fill("送蔬菜");
        app.page().locator("#visitor-phone").fill("13812345678");
        assertAccessible(app, "visitor");
        app.screenshot("gate-visitor");
        app.recordTap().assertAllSent();
        assertEquals(List.of("false 2 松源街道 送蔬菜 5678"), fixtures.rows("""
                SELECT resident || ' ' || party_size || ' ' || visitor_origin || ' ' || visitor_purpose || ' ' || visitor_phone_last4
                FROM entry WHERE recorded_by = :v""", Map.of("v", w.volunteerA().id)));
    }

    @Test
    void keepsEntriesRecordedOfflineThroughAReloadAndARestartAndSendsThemOnce() {
        BrowserContext phone = withSignal(phone("zh-CN"));
        GateApp app = open(phone).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen().installed();
        offline(phone, true);
        for (int i = 1; i <= 3; i++) {
            app.recordGreen();
            app.assertUnsent(i);
        }
        assertThat(app.page().locator("#status")).containsText("离线");
        app.screenshot("gate-offline");
        app.reload();
        app.assertUnsent(3);
        app.page().close();

        GateApp reopened = open(phone);
        reopened.assertUnsent(3);
        assertEquals(0L, entriesOf(w.volunteerA()));

        offline(phone, false);
        reopened.assertUnsent(0);
        assertEquals(3L, entriesOf(w.volunteerA()));
        assertEquals(3L, ((Number) fixtures.sql("SELECT coalesce(sum(entries), 0) FROM entry_daily_exact WHERE checkpoint_id = :c",
                Map.of("c", w.checkpointA1().id))).longValue());
        assertThat(reopened.page().locator("#recent-list li")).hasCount(3);
    }

    @Test
    void serverErrorsForAWhileLoseNothingAndDoubleNothing() {
        BrowserContext phone = phone("zh-CN");
        GateApp app = open(phone).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        AtomicInteger failures = new AtomicInteger();
        // The first three batches reach the server and are stored, but the answer is lost in a 502:
        // the phone must send them again and the server must recognise them.
        phone.route("**/api/v1/entries/batch", route -> {
            if (failures.incrementAndGet() <= 3) {
                route.fetch();
                route.fulfill(new Route.FulfillOptions().setStatus(502).setBody("Bad gateway"));
            } else {
                route.resume();
            }
        });
        app.recordGreen();
        app.recordGreen();
        assertThat(app.page().locator("#unsent-count")).hasAttribute("data-count", "0", PATIENT);
        assertTrue(failures.get() > 3, "the app retried after the 502s");
        assertEquals(2L, entriesOf(w.volunteerA()));
        assertEquals(2L, ((Number) fixtures.sql("SELECT coalesce(sum(entries), 0) FROM entry_daily_exact WHERE checkpoint_id = :c",
                Map.of("c", w.checkpointA1().id))).longValue());
        assertThat(app.page().locator("#today-entries")).hasText("2");
    }

    @Test
    void aDoubleTapRecordsOnePassage() {
        GateApp app = open(phone("zh-CN")).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        app.code("GREEN").click();
        app.temperature("36.5").click();
        app.recordButton().dblclick();
        assertThat(app.page().locator("#recent-list li")).hasCount(1);
        app.assertAllSent();
        assertEquals(1L, entriesOf(w.volunteerA()));
    }

    @Test
    void aRequestRefusedAsAWholeKeepsTheEntriesWaiting() {
        BrowserContext phone = phone("en-US");
        GateApp app = open(phone).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        // A captive portal or a proxy answers instead of Gatepost: nothing is held, nothing is lost.
        phone.route("**/api/v1/entries/batch", route -> route.fulfill(new Route.FulfillOptions().setStatus(403)
                .setContentType("text/html").setBody("<h1>Please log in to the Wi-Fi</h1>")));
        app.recordGreen().assertUnsent(1);
        app.go("outbox");
        assertThat(app.page().locator(".outbox .notice")).containsText("refused");
        assertThat(app.page().locator("#held-list")).hasCount(0);
        phone.unroute("**/api/v1/entries/batch");
        app.page().evaluate("document.querySelector('#send-now')?.click()");
        assertThat(app.page().locator("#unsent-count")).hasAttribute("data-count", "0", PATIENT);
        assertEquals(1L, entriesOf(w.volunteerA()));
    }

    @Test
    void keepsARejectedEntryWithTheReasonUntilCorrectedResentOrDiscarded() {
        BrowserContext phone = withSignal(phone("zh-CN"));
        GateApp app = open(phone).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen().installed();
        offline(phone, true);
        app.recordGreen();
        app.code("YELLOW").click();
        app.temperature("36.7").click();
        app.recordTap().assertUnsent(2);
        app.code("RED").click();
        app.temperature("36.3").click();
        app.recordTap().assertUnsent(3);
        // Meanwhile the cadre closes the gate.
        Api.as(fixtures.token(w.cadreA())).body(Map.of("active", false))
                .patch("/api/v1/places/" + w.checkpointA1().id).then().statusCode(200);
        offline(phone, false);
        assertThat(app.page().locator("#status .held")).hasText("3 条需处理");
        app.go("outbox");
        Locator held = app.page().locator("#held-list li");
        assertThat(held).hasCount(3);
        assertThat(held.first()).containsText("这个卡口已关闭，或不属于你的村。");
        assertAccessible(app, "outbox");
        app.screenshot("gate-outbox");

        // Correct the first: it goes to the other gate, keeping the moment it happened.
        String occurredAt = String.valueOf(app.page().evaluate(
                "import('/js/db.js').then(db => db.all('entries')).then(rows => rows.find(r => r.entry.healthCode === 'GREEN').entry.occurredAt)"));
        held.first().locator("button.secondary").first().click();
        assertThat(app.page().locator(".gate .notice")).containsText("正在修改");
        app.page().locator("#checkpoint").selectOption(w.checkpointA2().id.toString());
        assertThat(app.code("GREEN")).hasAttribute("aria-pressed", "true");
        app.recordButton().click();
        app.go("outbox");
        assertThat(held).hasCount(2);

        // The gate opens again: the second is sent again as it is.
        Api.as(fixtures.token(w.cadreA())).body(Map.of("active", true))
                .patch("/api/v1/places/" + w.checkpointA1().id).then().statusCode(200);
        held.filter(new Locator.FilterOptions().setHasText("黄码")).locator("button.secondary").nth(1).click();
        assertThat(held).hasCount(1);

        // The third is discarded, after a confirmation.
        held.first().locator("button.danger").click();
        app.page().locator("#confirm-ok").click();
        assertThat(app.page().locator(".outbox .empty")).isVisible();
        assertEquals(List.of("GREEN " + w.checkpointA2().id, "YELLOW " + w.checkpointA1().id), fixtures.rows(
                "SELECT health_code || ' ' || checkpoint_id FROM entry WHERE recorded_by = :v ORDER BY health_code",
                Map.of("v", w.volunteerA().id)));
        assertEquals(java.time.OffsetDateTime.parse(occurredAt).toInstant(), fixtures.sql(
                "SELECT occurred_at FROM entry WHERE recorded_by = :v AND health_code = 'GREEN'", Map.of("v", w.volunteerA().id)));
    }

    @Test
    void twoVolunteersShareAPhoneAndEachEntryGoesWithItsRecordersSignIn() {
        Account second = fixtures.account(Role.VOLUNTEER, w.villageA().id, w.teamA().id);
        fixtures.assignment(shift, second, null, null, null);
        BrowserContext phone = withSignal(phone("zh-CN"));
        GateApp app = open(phone).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen().installed();
        offline(phone, true);
        app.recordGreen();
        app.assertUnsent(1);
        app.page().locator("#signout").click();
        assertThat(app.page().locator("#confirm-text")).containsText("1 条记录还没发送");
        app.page().locator("#confirm-ok").click();
        assertThat(app.page().locator(".signin")).containsText(w.volunteerA().name + " 登记的 1 条记录");

        offline(phone, false);
        app.signIn(second.phone, Fixtures.PASSWORD).waitForRecordScreen();
        assertThat(app.page().locator(".notice-others")).containsText(w.volunteerA().name);
        app.recordGreen().assertAllSent();
        assertEquals(1L, entriesOf(second));
        assertEquals(0L, entriesOf(w.volunteerA()));

        app.signOut(true);
        app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        app.assertUnsent(0);
        assertEquals(1L, entriesOf(w.volunteerA()));
        assertEquals(1L, entriesOf(second));
    }

    @Test
    void opensWithNoNetworkFromTheServiceWorker() {
        BrowserContext phone = withSignal(phone("zh-CN"));
        open(phone).installed().page().close();
        offline(phone, true);
        GateApp offline = open(phone);
        assertThat(offline.page().locator("h1")).hasText("登录");
        assertAccessible(offline, "sign-in");
        offline.screenshot("signin");
    }

    @Test
    void aNewVersionTakesOverOnTheNextOpenWithoutLosingTheOutbox() {
        BrowserContext phone = phone("zh-CN");
        GateApp app = open(phone).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen().installed();
        phone.route("**/api/v1/entries/batch", Route::abort);
        app.recordGreen();
        app.assertUnsent(1);
        String before = shellCaches(app.page());
        try {
            serviceWorker.reviseForTesting(UUID.randomUUID().toString());
            // As the browser does on its own at the next navigation. An update check already under
            // way (the app's own when it opened, or the browser's) may answer this one with the
            // script it fetched before the revision: the check is repeated until the new worker is there.
            app.page().waitForFunction("() => navigator.serviceWorker.getRegistration()"
                    + ".then(r => r.update().then(() => r.installing !== null || r.waiting !== null))",
                    null, new Page.WaitForFunctionOptions().setPollingInterval(500));
            assertThat(app.page().locator(".notice-update")).isVisible();
            app.assertUnsent(1);
            app.page().close();

            GateApp next = open(phone);
            next.page().waitForFunction("(before) => caches.keys().then(keys => {"
                    + " const shells = keys.filter(k => k.startsWith('gatepost-shell-'));"
                    + " return shells.length === 1 && !before.includes(shells[0]); })", before);
            next.waitForRecordScreen().assertUnsent(1);
            phone.unroute("**/api/v1/entries/batch");
            next.go("outbox");
            // "Send now", unless a retry already sent it (then the button is gone).
            next.page().evaluate("document.querySelector('#send-now')?.click()");
            assertThat(next.page().locator("#unsent-count")).hasAttribute("data-count", "0", PATIENT);
            assertEquals(1L, entriesOf(w.volunteerA()));
        } finally {
            serviceWorker.reviseForTesting("");
        }
    }

    @Test
    void correctsThePhonesClockAndWarnsWhenItIsOff() {
        BrowserContext phone = phone("en-US");
        Page page = phone.newPage();
        page.clock().install(new com.microsoft.playwright.Clock.InstallOptions()
                .setTime(System.currentTimeMillis() + Duration.ofMinutes(20).toMillis()));
        GateApp app = GateApp.open(page, base.toString());
        app.signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        assertThat(page.locator(".notice-clock")).containsText("20 min off");
        app.recordGreen().assertAllSent();
        Instant stored = ((Instant) fixtures.sql("SELECT occurred_at FROM entry WHERE recorded_by = :v",
                Map.of("v", w.volunteerA().id)));
        assertTrue(Duration.between(stored, Instant.now()).abs().toSeconds() < 60,
                "recorded at the corrected time, not 20 minutes ahead: " + stored);
        // Its id is time-ordered (UUID version 7), made at the corrected time as well.
        UUID id = (UUID) fixtures.sql("SELECT id FROM entry WHERE recorded_by = :v", Map.of("v", w.volunteerA().id));
        assertEquals(7, id.version());
        Instant made = Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
        assertTrue(Duration.between(made, Instant.now()).abs().toSeconds() < 60, "the id's moment: " + made);
    }

    @Test
    void showsMyShiftWithColleaguesHandoverAndChecksInAndOut() {
        // The "now" the shift was made with: a fresh one may be a second later under load, and
        // the earlier shift would then end after this one starts and not be the one before it.
        Instant now = shift.startsAt.plus(Duration.ofHours(1));
        Shift earlier = fixtures.shift(w.checkpointA1(), now.minus(Duration.ofHours(7)), now.minus(Duration.ofHours(1)), 2);
        Account previous = fixtures.account(Role.VOLUNTEER, w.villageA().id, w.teamA().id);
        fixtures.assignment(earlier, previous, now.minus(Duration.ofHours(7)), now.minus(Duration.ofHours(1)), "東口的燈壞了");
        Account colleague = fixtures.account(Role.VOLUNTEER, w.villageA().id, w.teamA().id);
        fixtures.assignment(shift, colleague, now.minus(Duration.ofMinutes(30)), null, null);
        fixtures.shift(w.checkpointA2(), now.plus(Duration.ofHours(20)), now.plus(Duration.ofHours(26)), 2);

        GateApp app = open(phone("zh-TW")).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        app.go("shift");
        Locator card = app.page().locator("#current-shift");
        assertThat(card).containsText(w.checkpointA1().name);
        assertThat(card).containsText(colleague.name);
        assertThat(card).containsText("在崗");
        assertThat(card).containsText("東口的燈壞了");
        app.page().locator("#check-in").click();
        assertThat(card).containsText("已簽到");
        assertAccessible(app, "shift");
        app.screenshot("gate-shift");
        app.page().locator("#handover").fill("一切正常");
        app.page().locator("#check-out").click();
        assertThat(card).containsText("已簽退");
        assertEquals("一切正常", fixtures.sql("SELECT handover_note FROM assignment WHERE shift_id = :s AND volunteer_id = :v",
                Map.of("s", shift.id, "v", w.volunteerA().id)));
    }

    @Test
    void worksOnADesktopToo() {
        GateApp app = open(desktop("zh-TW")).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        app.recordGreen().assertAllSent();
        assertAccessible(app, "desktop record");
        app.screenshot("gate-desktop");
        assertEquals(1L, entriesOf(w.volunteerA()));
    }

    @Test
    void otherRolesGetTheirOwnScreensWithoutTheGatesStatusLineAndTheSignInExpiresCleanly() {
        OfficeApp cadre = office(phone("zh-CN")).signIn(w.cadreA().phone, Fixtures.PASSWORD);
        assertThat(cadre.$("section.now h1")).hasText("本村现在");
        assertThat(cadre.$(".tabs")).containsText("排班");
        assertThat(cadre.$("#status")).isHidden();

        // A sign-in the server no longer accepts: the app asks again and keeps what was recorded.
        BrowserContext phone = phone("zh-CN");
        GateApp app = open(phone).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        phone.route("**/api/v1/entries/batch", route -> route.fulfill(new Route.FulfillOptions().setStatus(401)
                .setContentType("application/problem+json")
                .setBody("{\"type\":\"urn:gatepost:problem:unauthorized\",\"title\":\"Not signed in\",\"status\":401}")));
        app.recordGreen();
        assertThat(app.page().locator(".notice-expired")).isVisible();
        app.assertUnsent(1);
        phone.unroute("**/api/v1/entries/batch");
        app.page().locator(".notice-expired button").click();
        assertThat(app.page().locator(".signin .notice-expired")).isVisible();
        assertThat(app.page().locator("#phone")).hasValue(w.volunteerA().phone);
        app.page().locator("#password").fill(Fixtures.PASSWORD);
        app.page().locator("#signin-submit").click();
        app.waitForRecordScreen().assertUnsent(0);
        assertEquals(1L, entriesOf(w.volunteerA()));
    }

    private long entriesOf(Account account) {
        return ((Number) fixtures.sql("SELECT count(*) FROM entry WHERE recorded_by = :v", Map.of("v", account.id))).longValue();
    }

    private static String shellCaches(Page page) {
        return String.valueOf(page.evaluate("caches.keys().then(keys => keys.filter(k => k.startsWith('gatepost-shell-')).join(','))"));
    }
}
