package org.gatepost.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.account.Account;
import org.gatepost.caller.Role;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The village cadre's screens in a real Chromium against the application on PostgreSQL. */
@QuarkusTest
class CadreAppTest extends BrowserTest {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    World w;

    @BeforeEach
    void world() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        w = fixtures.world();
    }

    @Test
    void generatesAWeekFromTheDayPlanSeesTheGapsAndAssignsAVolunteerWhoThenSeesTheShift() {
        LocalDate nextMonday = LocalDate.now(COUNTY).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        OfficeApp cadre = office(desktop("zh-CN")).signIn(w.cadreA().phone, Fixtures.PASSWORD);
        assertThat(cadre.$("section.now")).isVisible();
        cadre.go("board?week=" + nextMonday);
        assertThat(cadre.$("#board-summary")).containsText("还没有班次");

        // The day plan: the morning group needs three people from now on.
        cadre.$("#toggle-plan").click();
        cadre.$("#plan-min-0").fill("3");
        cadre.$("#plan-save").click();
        assertThat(cadre.$("#toast")).containsText("已保存");

        cadre.$("#generate").click();
        assertThat(cadre.$("#dialog-from")).hasValue(nextMonday.toString());
        cadre.confirm();
        assertThat(cadre.$("button.shift")).hasCount(2 * 3 * 7);
        assertThat(cadre.$("#board-summary")).containsText("还缺 98 人次"); // (3 + 2 + 2) people × 2 gates × 7 days
        assertThat(cadre.$("button.shift.gap")).hasCount(42);
        assertThat(cadre.$("button.shift").first()).containsText("缺 3 人");
        assertThat(cadre.$("button.shift").nth(2)).containsText("18:00–24:00");
        cadre.$("#toggle-plan").click();
        assertAccessible(cadre, "roster board (desktop)");
        cadre.screenshot("board-desktop");

        // Wednesday's morning at the first gate: assign volunteer A.
        String wednesday = nextMonday.plusDays(2).toString();
        cadre.$("#day-" + wednesday + " ~ .cp[data-checkpoint='" + w.checkpointA1().id + "'] button.shift").first().click();
        cadre.$("#assign-volunteer").selectOption(w.volunteerA().id.toString());
        cadre.$("#assign").click();
        assertThat(cadre.$("#assigned")).containsText(w.volunteerA().name);
        assertAccessible(cadre, "shift dialog");
        cadre.screenshot("board-shift");
        // Already on it: no longer offered for an overlapping shift (the same morning at the other gate).
        cadre.$("#shift-close").click();
        cadre.$("#day-" + wednesday + " ~ .cp[data-checkpoint='" + w.checkpointA2().id + "'] button.shift").first().click();
        assertThat(cadre.$("#assign-volunteer option[value='" + w.volunteerA().id + "']")).hasCount(0);
        cadre.$("#shift-close").click();
        assertThat(cadre.$("#board-summary")).containsText("还缺 97 人次");

        GateApp volunteer = open(phone("zh-CN")).signIn(w.volunteerA().phone, Fixtures.PASSWORD);
        volunteer.go("shift");
        assertThat(volunteer.page().locator("ul.shifts")).containsText(w.checkpointA1().name);
        assertThat(volunteer.page().locator("ul.shifts")).containsText("06:00");
    }

    @Test
    void theBoardOnAPhoneShowsEachDayUnderTheOtherAndTheRosterPrintsOnOneA4Page() {
        LocalDate monday = LocalDate.now(COUNTY).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        as(fixtures.token(w.cadreA())).body(Map.of("from", monday.toString(), "to", monday.plusDays(7).toString()))
                .post("/api/v1/villages/" + w.villageA().id + "/roster/generate").then().statusCode(200);
        String shift = as(fixtures.token(w.cadreA())).queryParam("placeId", w.checkpointA1().id.toString())
                .queryParam("from", monday.toString()).queryParam("to", monday.plusDays(1).toString())
                .get("/api/v1/shifts").then().statusCode(200).extract().path("items[0].id");
        as(fixtures.token(w.cadreA())).put("/api/v1/shifts/" + shift + "/assignments/" + w.volunteerA().id).then().statusCode(200);

        OfficeApp phone = office(phone("zh-TW")).signIn(w.cadreA().phone, Fixtures.PASSWORD);
        phone.go("board?week=" + monday);
        assertThat(phone.$("button.shift")).hasCount(42);
        assertThat(phone.$("button.shift[data-shift='" + shift + "']")).containsText(w.volunteerA().name);
        assertThat(phone.$("button.shift[data-shift='" + shift + "']")).containsText("缺 1 人");
        assertAccessible(phone, "roster board (phone)");
        phone.screenshot("board-phone");

        OfficeApp desk = office(desktop("zh-CN")).signIn(w.cadreA().phone, Fixtures.PASSWORD);
        desk.go("board?week=" + monday);
        desk.$("#print-link").click();
        assertThat(desk.$("#roster-table tbody tr")).hasCount(7);
        assertThat(desk.$("#print-contact")).containsText(w.cadreA().phone);
        assertThat(desk.$("#roster-table")).containsText(w.volunteerA().name);
        assertAccessible(desk, "printable roster");
        desk.screenshot("roster-print");
        byte[] pdf = desk.page().pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(true));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int pages = text.split("/Type\\s*/Page[^s]", -1).length - 1;
        assertEquals(1, pages, "the week's roster prints on one A4 page");
    }

    @Test
    void addsMovesAndCancelsAShiftFromTheBoard() {
        LocalDate tomorrow = LocalDate.now(COUNTY).plusDays(1);
        OfficeApp cadre = office(desktop("en-GB")).signIn(w.cadreA().phone, Fixtures.PASSWORD).go("board?week=" + tomorrow);
        cadre.$("#day-" + tomorrow + " ~ .cp[data-checkpoint='" + w.checkpointA2().id + "'] button.add-shift").click();
        cadre.$("#dialog-start").fill("07:00");
        cadre.$("#dialog-end").fill("11:00");
        cadre.$("#dialog-minStaff").fill("1");
        cadre.confirm();
        var shift = cadre.$("#day-" + tomorrow + " ~ .cp[data-checkpoint='" + w.checkpointA2().id + "'] button.shift");
        assertThat(shift).containsText("07:00–11:00");
        assertThat(shift).containsText("short 1");
        assertEquals(1L, fixtures.shiftsAt(w.checkpointA2().id));

        shift.click();
        cadre.$("details.move summary").click();
        cadre.$("#shift-start").fill("08:00");
        cadre.$("#shift-end").fill("13:00");
        cadre.$("#shift-save").click();
        assertThat(cadre.$("#shift-title")).containsText("08:00–13:00");
        cadre.$("#shift-close").click();
        assertThat(shift).containsText("08:00–13:00");

        shift.click();
        cadre.$("#shift-cancel").click();
        cadre.$("#confirm-ok").click();
        assertThat(shift).hasCount(0);
        assertEquals(0L, fixtures.shiftsAt(w.checkpointA2().id));
    }

    @Test
    void aSecondCadreRacingForTheSameVolunteerGetsThe409Explained() {
        Account secondCadre = fixtures.account(Role.CADRE, w.villageA().id, null);
        ZonedDateTime tomorrow = LocalDate.now(COUNTY).plusDays(1).atTime(8, 0).atZone(COUNTY);
        Shift east = fixtures.shift(w.checkpointA1(), tomorrow.toInstant(), tomorrow.plusHours(4).toInstant(), 2);
        Shift south = fixtures.shift(w.checkpointA2(), tomorrow.plusHours(2).toInstant(), tomorrow.plusHours(6).toInstant(), 2);
        String week = tomorrow.toLocalDate().toString();

        OfficeApp first = office(desktop("zh-CN")).signIn(w.cadreA().phone, Fixtures.PASSWORD).go("board?week=" + week);
        OfficeApp second = office(desktop("zh-CN")).signIn(secondCadre.phone, Fixtures.PASSWORD).go("board?week=" + week);
        second.$("button.shift[data-shift='" + south.id + "']").click();
        assertThat(second.$("#assign-volunteer option[value='" + w.volunteerA().id + "']")).hasCount(1);

        first.$("button.shift[data-shift='" + east.id + "']").click();
        first.$("#assign-volunteer").selectOption(w.volunteerA().id.toString());
        first.$("#assign").click();
        assertThat(first.$("#assigned")).containsText(w.volunteerA().name);

        // The second cadre's dialog still offers the volunteer: the server refuses and the app says why.
        second.$("#assign-volunteer").selectOption(w.volunteerA().id.toString());
        second.$("#assign").click();
        assertThat(second.$("#shift-error")).containsText("刚才有人已把");
        assertThat(second.$("#shift-error")).containsText(w.checkpointA1().name);
        assertThat(second.$("#shift-error")).containsText("08:00–12:00");
        assertThat(second.$("#assign-volunteer option[value='" + w.volunteerA().id + "']")).hasCount(0);
        second.screenshot("board-race");
        assertEquals(1L, fixtures.assignmentsOf(w.volunteerA().id));
    }

    @Test
    void aFeverAtTheGateArrivesOnTheOpenAlertsWithinFiveSecondsAndIsAcknowledged() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Shift shift = fixtures.shift(w.checkpointA1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(5)), 2);
        fixtures.assignment(shift, w.volunteerA(), now.minus(Duration.ofMinutes(50)), null, null);

        BrowserContext cadrePhone = phone("zh-CN");
        OfficeApp cadre = office(cadrePhone).signIn(w.cadreA().phone, Fixtures.PASSWORD).go("alerts");
        assertThat(cadre.$("#no-alerts")).isVisible();
        assertThat(cadre.$("body")).hasAttribute("data-live", "live");
        cadre.page().evaluate("() => { window.notReloaded = true; }");

        GateApp gate = open(phone("zh-CN")).signIn(w.volunteerA().phone, Fixtures.PASSWORD).waitForRecordScreen();
        gate.code("GREEN").click();
        gate.temperature("37.0").click();
        for (int i = 0; i < 5; i++) {
            gate.page().locator("button[aria-label='升高 0.1 °C']").click();
        }
        gate.recordTap().assertAllSent();

        assertThat(cadre.$("#open-alerts li")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(5_000));
        assertThat(cadre.$("#open-alerts li")).containsText("发热");
        assertThat(cadre.$("#open-alerts li")).containsText("37.5");
        assertThat(cadre.$("#alert-badge")).hasText("1");
        assertEquals(true, cadre.page().evaluate("() => window.notReloaded === true"), "no reload");
        assertAccessible(cadre, "alerts (phone)");
        cadre.screenshot("alerts-phone");

        cadre.$("#open-alerts textarea").fill("已送村卫生室复测");
        cadre.$("#open-alerts button.acknowledge").click();
        assertThat(cadre.$("#no-alerts")).isVisible();
        assertThat(cadre.$("#done-alerts")).containsText("已送村卫生室复测");
        assertThat(cadre.$("#alert-badge")).hasCount(0);
        assertEquals("ACKNOWLEDGED", fixtures.sql("SELECT status FROM alert WHERE village_id = :v", Map.of("v", w.villageA().id)));
    }

    @Test
    void alertsFallBackToPollingWhenTheStreamCannotBeHad() {
        BrowserContext desk = desktop("en-GB");
        desk.route("**/api/v1/alerts/events*", route -> route.abort());
        // The page's timers run on a clock the test may move: the next poll comes when asked,
        // not after the 15 s a real cadre waits.
        desk.clock().install();
        OfficeApp cadre = office(desk).signIn(w.cadreA().phone, Fixtures.PASSWORD).go("alerts");
        assertThat(cadre.$("body")).hasAttribute("data-live", "polling");
        as(fixtures.token(w.volunteerA())).body(org.gatepost.testing.Entries.with(resident(w.checkpointA2()), "healthCode", "RED",
                "decision", "REFUSED")).post("/api/v1/entries").then().statusCode(201);
        cadre.page().clock().fastForward(15_000);
        assertThat(cadre.$("#open-alerts li")).hasCount(1);
        assertThat(cadre.$("#open-alerts li")).containsText("Red code");
        assertAccessible(cadre, "alerts (desktop)");
        cadre.screenshot("alerts-desktop");
    }

    @Test
    void voidingAnEntryChangesTheCountsAtOnceAndTheOfficialsFiguresDropByOne() {
        String volunteer = fixtures.token(w.volunteerA());
        as(volunteer).body(resident(w.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        as(volunteer).body(org.gatepost.testing.Entries.with(resident(w.checkpointA1()), "healthCode", "YELLOW", "decision", "REFERRED"))
                .post("/api/v1/entries").then().statusCode(201);

        OfficeApp official = office(desktop("zh-CN")).signIn(w.countyOfficial().phone, Fixtures.PASSWORD);
        assertThat(official.$("#sum-entries-today")).hasText("2");

        OfficeApp cadre = office(phone("zh-CN")).signIn(w.cadreA().phone, Fixtures.PASSWORD).go("entries");
        assertThat(cadre.$("#entry-list li.entry")).hasCount(2);
        assertThat(cadre.$("#count-entries")).hasText("2");
        cadre.$("#filter-code").selectOption("YELLOW");
        assertThat(cadre.$("#entry-list li.entry")).hasCount(1);
        assertAccessible(cadre, "village log (phone)");
        cadre.screenshot("entries-phone");
        cadre.$("#entry-list li.entry button.void").click();
        cadre.$("#dialog-reason").fill("重複登記");
        cadre.confirm();
        assertThat(cadre.$("#count-entries")).hasText("1");
        assertThat(cadre.$("#entry-list li.entry.voided")).containsText("重複登記");

        official.page().reload();
        assertThat(official.$("#sum-entries-today")).hasText("1");
        assertThat(official.$("#sum-yellow-today")).hasText("0");
    }

    @Test
    void nowShowsEveryGateWithItsCoverageWhoIsOnDutyAndTheLastEntry() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Shift shift = fixtures.shift(w.checkpointA1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), 2);
        fixtures.assignment(shift, w.volunteerA(), now.minus(Duration.ofMinutes(55)), null, null);
        as(fixtures.token(w.volunteerA())).body(resident(w.checkpointA1())).post("/api/v1/entries").then().statusCode(201);

        OfficeApp cadre = office(phone("zh-CN")).signIn(w.cadreA().phone, Fixtures.PASSWORD);
        assertThat(cadre.$("#gates li")).hasCount(2);
        assertThat(cadre.$("#gates li").first()).containsText("人手不足"); // understaffed before no shift
        assertThat(cadre.$("#gates li").last()).containsText("无班次");
        assertThat(cadre.$("#gates li[data-checkpoint='" + w.checkpointA1().id + "']")).containsText("人手不足");
        assertThat(cadre.$("#gates li[data-checkpoint='" + w.checkpointA1().id + "']")).containsText(w.volunteerA().name);
        assertThat(cadre.$("#gates li[data-checkpoint='" + w.checkpointA1().id + "']")).containsText("最近一次登记");
        assertThat(cadre.$("#now-entries")).hasText("1");
        assertAccessible(cadre, "now (phone)");
        cadre.screenshot("now-phone");
    }

    @Test
    void peopleAddAVolunteerPutThemInATeamMakeALeaderResetAPasswordAndDeactivate() {
        OfficeApp cadre = office(desktop("zh-TW")).signIn(w.cadreA().phone, Fixtures.PASSWORD).go("people");
        assertThat(cadre.$("#teams")).containsText(w.teamA().name);
        assertAccessible(cadre, "people");
        String phone = Fixtures.phone();
        cadre.$("#add-volunteer").click();
        cadre.$("#dialog-name").fill("葉小芳");
        cadre.$("#dialog-phone").fill(phone);
        cadre.$("#dialog-password").fill("a-first-password");
        cadre.$("#dialog-teamId").selectOption(w.teamA().id.toString());
        cadre.confirm();
        assertThat(cadre.$("#volunteers")).containsText("葉小芳");
        Account added = fixtures.rows("SELECT CAST(id AS text) FROM account WHERE phone = :p",
                        Map.of("p", org.gatepost.account.Phones.normalize("phone", phone))).stream()
                .map(id -> fixtures.reload(java.util.UUID.fromString((String) id))).findFirst().orElseThrow();
        assertEquals(w.teamA().id, added.teamId);

        var row = cadre.$("li[data-account='" + added.id + "']");
        row.locator("summary").click();
        row.locator("button.make-leader").click();
        assertThat(row.locator(".tag.leader")).isVisible();
        assertEquals(added.id, fixtures.reloadTeam(w.teamA().id).leaderId);

        row = cadre.$("li[data-account='" + added.id + "']");
        row.locator("summary").click();
        row.locator("button.reset-password").click();
        assertAccessible(cadre, "reset password");
        cadre.$("#dialog-password").fill("short");
        cadre.confirm();
        assertThat(cadre.$("dialog[open] .form-error")).containsText("至少需要 8 位");
        cadre.$("#dialog-password").fill("a-new-password-2");
        cadre.confirm();
        assertThat(cadre.$("#toast")).containsText("已重設");
        org.gatepost.testing.Api.anonymous().body(Map.of("phone", phone, "password", "a-new-password-2"))
                .post("/api/v1/auth/login").then().statusCode(200);

        row = cadre.$("li[data-account='" + added.id + "']");
        row.locator("button.deactivate").click(); // its details are still open
        cadre.confirm();
        assertThat(cadre.$("li[data-account='" + added.id + "'] .tag.off")).isVisible();
        assertEquals(false, fixtures.reload(added.id).active);
        cadre.screenshot("people-desktop");
    }

    @Test
    void everyCadreScreenPassesAxeOnADesk() {
        OfficeApp cadre = office(desktop("en-GB")).signIn(w.cadreA().phone, Fixtures.PASSWORD);
        for (String screen : List.of("now", "alerts", "board", "entries", "people", "print")) {
            cadre.go(screen);
            cadre.$("#view > section h1").first().waitFor();
            waitUntilLoaded(cadre.page());
            assertAccessible(cadre, screen + " (desktop)");
        }
        cadre.go("now");
        assertThat(cadre.$("#gates li")).hasCount(2);
        cadre.screenshot("now-desktop");
        assertTrue(cadre.page().title().contains("Gatepost"));
    }
}
