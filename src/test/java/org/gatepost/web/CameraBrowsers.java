package org.gatepost.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Chromium with a fake back camera showing one scene. Chromium reads the y4m file once, at
 * launch, so each scene needs its own browser: one is launched per scene and kept while tests
 * use that scene (a few at most: each is a process of its own).
 */
final class CameraBrowsers {

    private static final int KEEP = 2;
    private static Playwright playwright;
    private static final Map<Path, Browser> OPEN = new LinkedHashMap<>(8, 0.75f, true);

    private CameraBrowsers() {
    }

    static synchronized Browser showing(Path y4m) {
        Browser browser = OPEN.get(y4m);
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        if (playwright == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")));
            Runtime.getRuntime().addShutdownHook(new Thread(CameraBrowsers::closeAll));
        }
        while (OPEN.size() >= KEEP) {
            Path eldest = OPEN.keySet().iterator().next();
            OPEN.remove(eldest).close();
        }
        Browsers.Chromium chromium = Browsers.chromium();
        List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + y4m.toAbsolutePath()));
        if (chromium.fromNpm()) {
            args.addAll(List.of("--no-zygote", "--use-gl=angle", "--use-angle=swiftshader"));
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium.executable()).setHeadless(true).setArgs(args));
        OPEN.put(y4m, browser);
        return browser;
    }

    static synchronized void closeAll() {
        OPEN.values().forEach(b -> {
            try {
                b.close();
            } catch (RuntimeException ignored) {
                // already gone with the JVM
            }
        });
        OPEN.clear();
    }
}
