package org.gatepost.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.gatepost.testing.Api.as;
import static org.gatepost.testing.Entries.resident;
import static org.gatepost.testing.Entries.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceKind;
import org.gatepost.roster.Shift;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The township and county officials' screens in a real Chromium against the application on PostgreSQL. */
@QuarkusTest
class OfficialAppTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    World w;

    @BeforeEach
    void world() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        w = fixtures.world();
        String a = fixtures.token(w.volunteerA());
        as(a).body(resident(w.checkpointA1())).post("/api/v1/entries").then().statusCode(201);
        as(a).body(with(resident(w.checkpointA1()), "temperature", 38.1, "decision", "REFERRED")).post("/api/v1/entries")
                .then().statusCode(201);
        as(a).body(resident(w.checkpointA2())).post("/api/v1/entries").then().statusCode(201);
        as(fixtures.token(w.volunteerB())).body(with(resident(w.checkpointB1()), "healthCode", "RED", "decision", "REFUSED"))
                .post("/api/v1/entries").then().statusCode(201);
    }

    @Test
    void drillsDownFromTheCountyToACheckpointAndDownloadsACsvThatPythonReads() throws Exception {
        OfficeApp official = office(desktop("zh-CN")).signIn(w.countyOfficial().phone, Fixtures.PASSWORD);
        assertThat(official.$("#place-name")).containsText(w.county().name);
        assertThat(official.$("#sum-entries-today")).hasText("4");
        assertThat(official.$("#sum-fevers-today")).hasText("1");
        assertThat(official.$("#sum-red-today")).hasText("1");
        assertThat(official.$("#sum-openAlerts-today")).hasText("2");
        assertThat(official.$("#chart-daily")).isVisible();
        assertThat(official.$("#chart-hourly")).isVisible();
        assertThat(official.$("#figures-behind")).hasCount(0);
        assertAccessible(official, "county dashboard (desktop)");
        official.screenshot("dashboard-desktop");

        official.$("#children-table a.drill[data-place='" + w.township().id + "']").click();
        assertThat(official.$("#place-name")).containsText(w.township().name);
        official.$("#children-table a.drill[data-place='" + w.villageA().id + "']").click();
        assertThat(official.$("#place-name")).containsText(w.villageA().name);
        assertThat(official.$("#sum-entries-today")).hasText("3");
        assertThat(official.$("#children-table")).containsText(w.checkpointA1().name);
        assertThat(official.$("#children-table")).containsText(w.checkpointA2().name);

        Download download = official.page().waitForDownload(() -> official.$("#csv-daily").click());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertEquals("gatepost-daily-" + w.villageA().name + "-" + today.minusDays(6) + "_" + today + ".csv", download.suggestedFilename());
        Path csv = Files.createTempFile("daily", ".csv");
        download.saveAs(csv);
        String names = python("""
                import csv, sys
                with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                    rows = list(csv.DictReader(f))
                print(','.join(sorted({r['name'] for r in rows})) + ';' + str(sum(int(r['entries']) for r in rows)))
                """, csv);
        assertEquals(String.join(",", List.of(w.checkpointA1().name, w.checkpointA2().name).stream().sorted().toList()) + ";3", names);

        official.$("#children-table a.drill[data-place='" + w.checkpointA1().id + "']").click();
        assertThat(official.$("#place-name")).containsText(w.checkpointA1().name);
        assertThat(official.$("#sum-entries-today")).hasText("2");
        assertThat(official.$("#breadcrumb li")).hasCount(4);
        String address = official.page().url();
        assertTrue(address.contains("place=" + w.checkpointA1().id) && address.contains("from=") && address.contains("to="), address);

        // The address is the view: opened elsewhere, it shows the same place and range.
        OfficeApp elsewhere = office(desktop("en-GB")).signIn(w.countyOfficial().phone, Fixtures.PASSWORD);
        elsewhere.page().navigate(address);
        assertThat(elsewhere.$("#place-name")).containsText(w.checkpointA1().name);
        assertThat(elsewhere.$("#range-from")).hasValue(today.minusDays(6).toString());

        official.$("#breadcrumb a").first().click();
        assertThat(official.$("#place-name")).containsText(w.county().name);
    }

    @Test
    void figuresFromALaggingReplicaSayHowFarBehindTheyAre() {
        // The server's answers as a replica seven minutes behind gives them (deploy/test/replica.sh
        // makes a real one): the figures themselves are the application's own.
        BrowserContext context = desktop("en-GB");
        context.route("**/api/v1/stats/summary?**", route -> {
            APIResponse answer = route.fetch();
            try {
                ObjectNode summary = (ObjectNode) JSON.readTree(answer.body());
                summary.put("asOf", "2020-02-12T14:05:00+08:00").put("behindSeconds", 420);
                route.fulfill(new Route.FulfillOptions().setResponse(answer).setBody(JSON.writeValueAsString(summary)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        OfficeApp official = office(context).signIn(w.townshipOfficial().phone, Fixtures.PASSWORD);
        assertThat(official.$("#figures-behind")).hasText("Figures as of 14:05, 7 min behind");
        assertThat(official.$("#sum-entries-today")).hasText("4");
        assertAccessible(official, "dashboard with figures behind");
    }

    @Test
    void theDashboardOnAPhoneInTraditionalChinese() {
        OfficeApp official = office(phone("zh-TW")).signIn(w.townshipOfficial().phone, Fixtures.PASSWORD);
        assertThat(official.$("#sum-entries-today")).hasText("4");
        assertThat(official.$("#summary")).containsText("發燒");
        assertAccessible(official, "township dashboard (phone)");
        official.screenshot("dashboard-phone");
        official.$("#chart-daily details summary").click();
        assertThat(official.$("#chart-daily table")).containsText(w.villageA().name);
    }

    @Test
    void anOfficialOfOneTownshipNeverSeesAnotherTownshipsPlaces() {
        Place otherTownship = fixtures.place(PlaceKind.TOWNSHIP, "松源街道" + Fixtures.unique(), w.county().id);
        Place otherVillage = fixtures.place(PlaceKind.VILLAGE, "大濟村" + Fixtures.unique(), otherTownship.id);
        fixtures.place(PlaceKind.CHECKPOINT, "大濟村口", otherVillage.id);

        OfficeApp county = office(desktop("zh-CN")).signIn(w.countyOfficial().phone, Fixtures.PASSWORD);
        assertThat(county.$("#children-table")).containsText(otherTownship.name);

        OfficeApp township = office(desktop("zh-CN")).signIn(w.townshipOfficial().phone, Fixtures.PASSWORD);
        assertThat(township.$("#children-table")).containsText(w.villageA().name);
        assertThat(township.$("#children-table")).containsText(w.villageB().name);
        assertFalse(township.page().content().contains(otherTownship.name));
        township.go("dashboard?place=" + otherTownship.id);
        assertThat(township.$("#dash-error")).containsText("不在你的范围");
        township.go("coverage?place=" + otherVillage.id);
        assertThat(township.$("section.coverage-screen .form-error")).isVisible();
        township.go("keys");
        assertThat(township.$("#key-place option")).hasCount(3); // the township and its two villages
        String page = township.page().content();
        assertFalse(page.contains(otherTownship.name) || page.contains(otherVillage.name), "nothing of the other township");
    }

    @Test
    void coverageListsUnstaffedAndUnderstaffedFirstWithHoursByTeam() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Shift a1 = fixtures.shift(w.checkpointA1(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), 2);
        fixtures.shift(w.checkpointA2(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), 1);
        Shift done = fixtures.shift(w.checkpointB1(), now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(5)), 1);
        fixtures.assignment(a1, w.volunteerA(), now.minus(Duration.ofMinutes(55)), null, null);
        fixtures.assignment(done, w.volunteerB(), now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(5)), null);

        OfficeApp official = office(desktop("zh-CN")).signIn(w.countyOfficial().phone, Fixtures.PASSWORD).go("coverage");
        assertThat(official.$("#coverage-table tbody tr")).hasCount(3);
        assertThat(official.$("#coverage-table tbody tr").nth(0)).containsText("无人值守");
        assertThat(official.$("#coverage-table tbody tr").nth(0)).containsText(w.checkpointA2().name);
        assertThat(official.$("#coverage-table tbody tr").nth(1)).containsText("人手不足");
        assertThat(official.$("#short-list")).containsText(w.checkpointA1().name);
        assertThat(official.$("#hours-table")).containsText(w.teamB().name);
        assertThat(official.$("#hours-table")).containsText("4.0");
        assertAccessible(official, "coverage (desktop)");
        official.screenshot("coverage-desktop");
        Download download = official.page().waitForDownload(() -> official.$("#csv-coverage").click());
        assertTrue(download.suggestedFilename().startsWith("gatepost-coverage-" + w.county().name), download.suggestedFilename());
    }

    @Test
    void aDashboardKeyIsCreatedUsedWithCurlRevokedAndRefused() throws Exception {
        OfficeApp official = office(desktop("en-GB")).signIn(w.countyOfficial().phone, Fixtures.PASSWORD).go("keys");
        official.$("#key-name").fill("County big screen");
        official.$("#key-create").click();
        String key = official.$("#new-key").textContent();
        assertTrue(key.startsWith("gpk_"), key);
        String curl = official.$("#curl-example").textContent();
        assertTrue(curl.contains("Authorization: Bearer " + key), curl);
        assertAccessible(official, "dashboard keys");
        official.screenshot("keys-desktop");

        assertEquals("200", shell(curl + " -s -o /dev/null -w '%{http_code}'"));
        assertTrue(shell(curl + " -s").contains("\"entries\":4"));

        official.$("#key-list button.revoke").click();
        official.confirm();
        assertThat(official.$("#key-list .key-row.revoked")).hasCount(1);
        assertEquals("401", shell(curl + " -s -o /dev/null -w '%{http_code}'"));
        official.page().reload();
        assertThat(official.$("#new-key")).hasCount(0); // the secret is never shown again
    }

    @Test
    void everyOfficialScreenPassesAxeOnAPhone() {
        OfficeApp official = office(phone("zh-CN")).signIn(w.countyOfficial().phone, Fixtures.PASSWORD);
        for (String screen : List.of("dashboard", "coverage", "keys")) {
            official.go(screen);
            official.$("#view > section h1").first().waitFor();
            waitUntilLoaded(official.page());
            assertAccessible(official, screen + " (phone)");
        }
        official.screenshot("keys-phone");
    }

    private static String python(String script, Path file) throws IOException, InterruptedException {
        Path source = Files.createTempFile("read", ".py");
        Files.writeString(source, script);
        Process process = new ProcessBuilder("python3", source.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), out);
        return out;
    }

    private static String shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return out;
    }
}
