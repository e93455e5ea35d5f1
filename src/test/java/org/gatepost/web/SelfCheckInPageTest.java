package org.gatepost.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.gatepost.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.gatepost.testing.Fixtures;
import org.gatepost.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The visitor's self check-in page on a phone, with no account: from the gate poster's address
 * to a code on screen that the volunteer's app will trust (signed with the installation's key).
 */
@QuarkusTest
class SelfCheckInPageTest extends BrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    World w;

    @BeforeEach
    void world() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        w = fixtures.world();
    }

    @Test
    void aVisitorFillsTheFormInSimplifiedChineseAndGetsASignedCodeForTheVolunteer() throws Exception {
        String url = posterUrl();
        Page page = visitor("zh-CN", "10.13.0." + (1 + (int) (Math.random() * 250)));
        page.navigate(url);
        assertThat(page.locator("#checkin-gate")).containsText(w.checkpointA1().name);
        assertThat(page.locator("h1")).containsText(w.villageA().name);
        assertEquals("zh-Hans", page.evaluate("() => document.documentElement.lang"));
        assertAccessible(page, "self check-in (phone)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("checkin-form.png")).setFullPage(true));

        // Nothing filled in: the page says what is missing and sends nothing.
        page.locator("#checkin-submit").click();
        assertThat(page.locator("#checkin-origin")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#checkin-form")).containsText("请填写从哪里来");

        // Too long for the server (the field's own limit stepped around): the server's problem names the field.
        page.locator("label.choice", new Page.LocatorOptions().setHasText("探亲访友")).click();
        page.locator("#checkin-origin").evaluate("e => e.removeAttribute('maxlength')");
        page.locator("#checkin-origin").fill("松".repeat(101));
        page.locator("#checkin-submit").click();
        assertThat(page.locator("#checkin-error")).containsText("请检查标出的项目");
        assertThat(page.locator("#checkin-origin")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#checkin-form")).containsText("不超过 100 字");

        page.locator("#checkin-origin").fill("松源镇");
        page.locator("#party-more").click();
        page.locator("#party-more").click();
        assertThat(page.locator("#party-size")).hasText("3");
        page.locator("#checkin-plate").fill("浙K12345");
        page.locator("#checkin-submit").click();

        assertThat(page.locator("#checkin-code")).containsText("请把此码给志愿者扫描");
        assertThat(page.locator("#checkin-expires")).containsText("有效至");
        assertAccessible(page, "self check-in code (phone)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("checkin-code.png")).setFullPage(true));

        String code = QrImages.read(page.locator("#checkin-code svg.qr"));
        assertEquals(page.locator("#checkin-code").getAttribute("data-code"), code);
        JsonNode claims = verified(code);
        assertEquals("checkin", claims.path("t").asText());
        assertEquals(w.checkpointA1().id.toString(), claims.path("c").asText());
        assertEquals("松源镇", claims.path("o").asText());
        assertEquals("探亲访友", claims.path("p").asText());
        assertEquals(3, claims.path("n").asInt());
        assertEquals("浙K12345", claims.path("pl").asText());

        // A reload keeps the code on screen while it is valid.
        page.reload();
        assertThat(page.locator("#checkin-code")).hasAttribute("data-code", code);

        // The same page at a desktop's width, in English by the switch.
        page.setViewportSize(1280, 800);
        page.locator("#language").selectOption("en");
        assertThat(page.locator("#checkin-code")).containsText("Show this to the volunteer");
        assertAccessible(page, "self check-in code (desktop)");
        page.locator("#checkin-again").click();
        assertThat(page.locator("#checkin-gate")).containsText(w.checkpointA1().name);
        assertAccessible(page, "self check-in (desktop)");
    }

    @Test
    void tooManyCheckInsFromOneAddressAreExplainedAndAReplacedPosterIsSaidToBe() {
        String url = posterUrl();
        String token = url.substring(url.indexOf('#') + 1);
        String address = "10.14.0." + (1 + (int) (Math.random() * 250));
        // This address has used its check-ins for the minute.
        int status;
        int sent = 0;
        do {
            status = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                    .body(Map.of("origin", "竹口镇", "purpose", "送货", "partySize", 1))
                    .post("/api/v1/public/check-in/" + token).then().extract().statusCode();
            sent++;
        } while (status == 201 && sent < 100);
        assertEquals(429, status, "the address is held back after " + sent + " check-ins");

        Page page = visitor("zh-CN", address);
        page.navigate(url);
        page.locator("#checkin-origin").fill("竹口镇");
        page.locator("label.choice", new Page.LocatorOptions().setHasText("其他")).click();
        page.locator("#checkin-other").fill("修水管");
        page.locator("#checkin-submit").click();
        assertThat(page.locator("#checkin-error")).containsText("登记太多");
        assertThat(page.locator("#checkin-error")).containsText("分钟后再试");
        assertThat(page.locator("#checkin-code")).hasCount(0);
        assertAccessible(page, "self check-in refused (phone)");

        // The cadre prints a new poster: the old one's address says it no longer works.
        as(fixtures.token(w.cadreA())).post("/api/v1/checkpoints/" + w.checkpointA1().id + "/poster").then().statusCode(200);
        Page later = visitor("zh-TW", "10.15.0." + (1 + (int) (Math.random() * 250)));
        later.navigate(url);
        assertThat(later.locator("#checkin-error")).containsText("此卡口碼已失效");
        assertThat(later.locator("#retry")).hasCount(0);
    }

    private String posterUrl() {
        String url = as(fixtures.token(w.cadreA())).get("/api/v1/checkpoints/" + w.checkpointA1().id + "/poster")
                .then().statusCode(200).extract().path("url");
        // The address as the browser under test reaches the application.
        return base + url.substring(url.indexOf("checkin.html"));
    }

    /** A visitor's own phone (390 × 844), never signed in, seen by the server at the given address. */
    private Page visitor(String locale, String address) {
        BrowserContext context = phone(locale);
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", address));
        Page page = context.newPage();
        page.setViewportSize(390, 844);
        page.onPageError(error -> System.out.println("[browser] page error: " + error));
        return page;
    }

    /**
     * The code's claims after checking its ES256 signature with the key the API publishes in
     * trust-data (as the volunteer's app does offline).
     */
    private JsonNode verified(String code) throws Exception {
        String[] parts = code.split("\\.");
        assertEquals(3, parts.length, code);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("ES256", header.path("alg").asText());
        assertEquals("gp-checkin", header.path("typ").asText());
        String trust = as(fixtures.token(w.volunteerA())).get("/api/v1/trust-data").then().statusCode(200).extract().asString();
        JsonNode key = null;
        for (JsonNode candidate : JSON.readTree(trust).path("keys").path("keys")) {
            if (candidate.path("kid").asText().equals(header.path("kid").asText())) {
                key = candidate;
            }
        }
        assertTrue(key != null, "the code's key " + header.path("kid") + " is in trust-data");
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initVerify(publicKey(key));
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(signature.verify(Base64.getUrlDecoder().decode(parts[2])), "the code's signature verifies");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static PublicKey publicKey(JsonNode jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("x").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("y").asText())));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}
