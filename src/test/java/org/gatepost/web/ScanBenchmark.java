package org.gatepost.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The scanning benchmark's driver (run by bench/scan.sh, not a test): headless Chromium whose
 * fake camera shows a household pass, the gate app signed in as a volunteer, and RUNS scans.
 * Each scan is timed in the page, from the moment the frame that holds the pass is handed to
 * the decoder to the verified verdict painted on screen; decoding that same frame alone is
 * the baseline.
 *
 * <pre>java -cp target/test-classes:CLASSPATH org.gatepost.web.ScanBenchmark BASE TOKEN ACCOUNT_JSON PASS RUNS</pre>
 */
public final class ScanBenchmark {

    private static final int WARM_UP = 3;
    private static final double GOAL_MS = 300;

    private ScanBenchmark() {
    }

    public static void main(String[] args) {
        String base = args[0];
        String token = args[1];
        String account = args[2];
        String pass = args[3];
        int runs = Integer.parseInt(args[4]);
        Path scene = FakeCamera.scene(pass, FakeCamera.BLACK, FakeCamera.Holder.CARD, FakeCamera.Light.DAYLIGHT);
        Browsers.Chromium chromium = Browsers.chromium();
        List<String> flags = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + scene.toAbsolutePath()));
        if (chromium.fromNpm()) {
            flags.addAll(List.of("--no-zygote", "--use-gl=angle", "--use-angle=swiftshader"));
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(chromium.executable()).setHeadless(true).setArgs(flags))) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 780)
                    .setIsMobile(true).setHasTouch(true).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
            context.setDefaultTimeout(60_000);
            Page page = context.newPage();
            page.navigate(base);
            page.locator("#view > section").first().waitFor();
            page.evaluate("([token, account]) => import('/js/session.js').then((s) => s.save({ token, account: JSON.parse(account),"
                    + " expiresAt: new Date(Date.now() + 7 * 3600_000).toISOString() }))", List.of(token, account));
            page.reload();
            page.locator("#trust-line[data-state=fresh]").waitFor();
            List<Double> verdicts = new ArrayList<>();
            List<Double> decodes = new ArrayList<>();
            for (int i = 0; i < WARM_UP + runs; i++) {
                page.locator("#scan-open").click();
                Locator verdict = page.locator("#scan-verdict[data-outcome=ok]");
                verdict.waitFor();
                page.waitForFunction("performance.getEntriesByName('gatepost-scan-verdict').length > " + i);
                if (i >= WARM_UP) {
                    verdicts.add(((Number) page.evaluate("performance.getEntriesByName('gatepost-scan-verdict').at(-1).duration")).doubleValue());
                    decodes.add(((Number) page.evaluate("performance.getEntriesByName('gatepost-scan-decode').at(-1).duration")).doubleValue());
                }
                page.locator("#scan-close").click();
                page.locator("#scanner").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            }
            String decoder = (String) page.evaluate("'BarcodeDetector' in window ? 'BarcodeDetector' : 'zxing-wasm (worker)'");
            report(decoder, verdicts, decodes);
        }
    }

    private static void report(String decoder, List<Double> verdicts, List<Double> decodes) {
        double verdict50 = percentile(verdicts, 50);
        double verdict95 = percentile(verdicts, 95);
        double decode50 = percentile(decodes, 50);
        double decode95 = percentile(decodes, 95);
        System.out.printf("decoder: %s, %d scans after %d to warm up%n", decoder, verdicts.size(), WARM_UP);
        System.out.printf("baseline, decoding the frame alone:       p50 %6.1f ms   p95 %6.1f ms%n", decode50, decode95);
        System.out.printf("frame to verified verdict on screen:      p50 %6.1f ms   p95 %6.1f ms%n", verdict50, verdict95);
        System.out.printf("ratio verdict / decoding alone:           p50 %6.2f     p95 %6.2f%n", verdict50 / decode50, verdict95 / decode95);
        System.out.printf("goal %.0f ms: p95 is %.2f of it (%s)%n", GOAL_MS, verdict95 / GOAL_MS, verdict95 < GOAL_MS ? "met" : "NOT met");
        System.out.printf("RESULT verdict_p50=%.1f verdict_p95=%.1f decode_p50=%.1f decode_p95=%.1f%n", verdict50, verdict95, decode50, decode95);
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
