package org.gatepost.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cadre's household register and its printed pass cards, and a gate's printed poster, in
 * a real Chromium against the application: what is printed is read back with ZXing.
 */
@QuarkusTest
class HouseholdPagesTest extends BrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    World w;

    @BeforeEach
    void world() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        w = fixtures.world();
    }

    @Test
    void cadreAddsAHouseholdIssuesAPassPrintsItsCardAndRevokesIt() throws Exception {
        OfficeApp cadre = office(desktop("zh-CN")).signIn(w.cadreA().phone, Fixtures.PASSWORD).go("households");
        assertThat(cadre.$("#households")).containsText("还没有住户");

        cadre.$("#add-household").click();
        cadre.$("#dialog-label").fill("12-3");
        cadre.$("#dialog-head").fill("王芳");
        cadre.$("#dialog-members").fill("李伟\n王秀");
        cadre.$("#dialog-phone").fill("13812345678");
        cadre.confirm();
        Locator row = cadre.$(".household-row").filter(new Locator.FilterOptions().setHasText("12-3"));
        assertThat(row).containsText("户主：王芳");
        assertThat(row).containsText("李伟、王秀");
        assertThat(row.locator("[data-pass]")).hasAttribute("data-pass", "none");
        String householdId = row.getAttribute("data-household");

        // The village's rule: one outing per household every two days.
        cadre.$("#outing-limit summary").click();
        cadre.$("#limit-outings").fill("1");
        cadre.$("#limit-days").fill("2");
        cadre.$("#limit-save").click();
        assertThat(cadre.$("#limit-now")).containsText("每 2 天外出 1 次");
        assertThat(row).containsText("已外出 0 次，限 1 次");

        Response issued = cadre.page().waitForResponse(
                r -> r.url().endsWith("/api/v1/households/" + householdId + "/pass") && "POST".equals(r.request().method()),
                () -> {
                    row.locator(".issue-pass").click();
                    assertThat(cadre.$("#dialog-validDays")).hasValue("90");
                    cadre.confirm();
                });
        assertEquals(201, issued.status());
        String token = JSON.readTree(issued.text()).path("token").asText();
        assertThat(row.locator("[data-pass]")).hasAttribute("data-pass", "valid");
        assertThat(row.locator("[data-pass]")).containsText("出入证 1 号");

        cadre.$("#household-search").fill("99");
        assertThat(cadre.$("#households")).containsText("没有匹配的住户");
        cadre.$("#household-search").fill("12");
        assertThat(row).isVisible();
        assertAccessible(cadre, "households (desktop)");
        cadre.screenshot("households-desktop");

        // The printed card carries exactly the pass the API issued.
        Page sheet = cadre.page().context().newPage();
        sheet.navigate(base + "print/passes.html");
        Locator card = sheet.locator(".pass-card[data-household='" + householdId + "']");
        assertThat(card).containsText("12-3");
        assertThat(card).containsText("编号 1");
        assertThat(card).containsText(w.villageA().name);
        assertEquals(token, QrImages.read(card.locator("svg.qr")));
        assertAccessible(sheet, "pass cards (desktop)");

        // Eight cards print on one A4 sheet, a ninth starts a second.
        for (int i = 1; i <= 7; i++) {
            issuePass(household("20-" + i));
        }
        sheet.reload();
        assertThat(sheet.locator(".pass-card")).hasCount(8);
        assertEquals(1, pdfPages(sheet), "eight pass cards on one A4 page");
        sheet.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pass-cards.png")).setFullPage(true));
        issuePass(household("30-1"));
        sheet.reload();
        assertThat(sheet.locator(".pass-card")).hasCount(9);
        assertEquals(2, pdfPages(sheet), "a ninth card on a second page");

        // Revoked: the household has no valid pass and its card leaves the sheet.
        row.locator(".revoke-pass").click();
        assertThat(cadre.$("#confirm-text")).containsText("作废 12-3 的 1 号出入证");
        cadre.$("#confirm-ok").click();
        assertThat(row.locator("[data-pass]")).hasAttribute("data-pass", "none");
        sheet.reload();
        assertThat(sheet.locator(".pass-card")).hasCount(8);
        assertThat(card).hasCount(0);

        // Edit and delete.
        row.locator(".edit-household").click();
        cadre.$("#dialog-head").fill("王秀");
        cadre.confirm();
        assertThat(row).containsText("户主：王秀");
        row.locator(".delete-household").click();
        cadre.$("#confirm-ok").click();
        assertThat(row).hasCount(0);
    }

    @Test
    void theSheetOfCardsAndTheHouseholdsFitAPhone() {
        issuePass(household("8-1"));
        OfficeApp cadre = office(phone("zh-TW"));
        cadre.page().setViewportSize(390, 844);
        cadre.signIn(w.cadreA().phone, Fixtures.PASSWORD).go("households");
        assertThat(cadre.$(".household-row")).containsText("8-1");
        assertAccessible(cadre, "households (phone)");
        cadre.screenshot("households-phone");
        cadre.page().navigate(base + "print/passes.html");
        assertThat(cadre.$(".pass-card")).hasCount(1);
        assertThat(cadre.$(".pass-card")).containsText("出入證");
        assertAccessible(cadre, "pass cards (phone)");
    }

    @Test
    void aGatePosterCarriesTheAddressOfItsCheckInPageOnOneA4Page() throws Exception {
        String url = as(fixtures.token(w.cadreA())).get("/api/v1/checkpoints/" + w.checkpointA1().id + "/poster")
                .then().statusCode(200).extract().path("url");
        OfficeApp cadre = office(desktop("zh-CN")).signIn(w.cadreA().phone, Fixtures.PASSWORD).go("now");
        Locator link = cadre.$(".gate[data-checkpoint='" + w.checkpointA1().id + "'] a.poster-link");
        assertThat(link).containsText(w.checkpointA1().name);
        cadre.page().navigate(base + link.getAttribute("href").substring(1));
        Locator poster = cadre.$(".sheet.poster");
        assertThat(poster).containsText(w.checkpointA1().name);
        assertThat(poster).containsText(w.villageA().name);
        assertThat(poster).containsText("外来人员请扫码登记");
        assertThat(poster).containsText("Visitors: scan with your phone");
        assertEquals(url, QrImages.read(poster.locator("svg.qr")));
        assertTrue(url.contains("/checkin.html#"), url);
        assertAccessible(cadre, "gate poster (desktop)");
        cadre.page().screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("gate-poster.png")).setFullPage(true));
        assertEquals(1, pdfPages(cadre.page()), "the poster prints on one A4 page");

        cadre.page().setViewportSize(390, 844);
        assertAccessible(cadre, "gate poster (phone)");
    }

    /** A household of village A made over the API. */
    private String household(String label) {
        return as(fixtures.token(w.cadreA())).body(Map.of("label", label, "head", "户主" + label, "members", List.of()))
                .post("/api/v1/villages/" + w.villageA().id + "/households").then().statusCode(201).extract().path("id");
    }

    private String issuePass(String householdId) {
        return as(fixtures.token(w.cadreA())).body(Map.of())
                .post("/api/v1/households/" + householdId + "/pass").then().statusCode(201).extract().path("token");
    }

    /** Chromium's print to PDF with the page's own @page size: how many sheets of paper. */
    static int pdfPages(Page page) {
        byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(true));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        return text.split("/Type\\s*/Page[^s]", -1).length - 1;
    }
}
