package org.gatepost.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Finds the Chromium that the browser tests drive, or obtains one from a package registry,
 * and says which. Playwright never downloads a browser of its own here.
 *
 * <ol>
 * <li>{@code -Dgatepost.chromium=/path} or {@code GATEPOST_CHROMIUM=/path};</li>
 * <li>{@code chromium}, {@code chromium-browser}, {@code google-chrome} or {@code google-chrome-stable} on the PATH;</li>
 * <li>the npm package {@code @sparticuz/chromium}, which carries a Chromium binary inside it (installed
 *     with npm into {@code ~/.cache/gatepost/chromium} when Node.js is there);</li>
 * <li>as root with apt: Debian's {@code chromium} package.</li>
 * </ol>
 */
final class Browsers {

    static final String SPARTICUZ = "@sparticuz/chromium@153.0.0";
    private static final Path NPM_PREFIX = Path.of(System.getProperty("user.home"), ".cache", "gatepost", "chromium");
    private static final List<String> ON_PATH = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    /** A Chromium to launch: where it is, and whether it is the Lambda build from npm (which wants a few flags). */
    record Chromium(Path executable, boolean fromNpm) {
    }

    private static Chromium found;
    private static Playwright playwright;

    private Browsers() {
    }

    /**
     * The run's one Playwright driver, for every browser the tests launch: started on first use,
     * closed with the JVM (which closes the browsers it launched).
     */
    static synchronized Playwright playwright() {
        if (playwright == null) {
            // The service worker sends the outbox too (Background Sync): its requests must see the
            // same offline emulation and routes as the page's, which Playwright does for Chromium
            // with this switch.
            Playwright started = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "playwright-close"));
            playwright = started;
        }
        return playwright;
    }

    /** Headless Chromium, found as {@link #chromium()} says, with these switches besides the usual ones. */
    static Browser launch(List<String> more) {
        Chromium chromium = chromium();
        List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"));
        if (chromium.fromNpm()) {
            args.addAll(List.of("--no-zygote", "--use-gl=angle", "--use-angle=swiftshader"));
        }
        args.addAll(more);
        return playwright().chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium.executable()).setHeadless(true).setArgs(args));
    }

    static synchronized Chromium chromium() {
        if (found == null) {
            found = locate();
            say("using Chromium at " + found.executable() + (found.fromNpm() ? " (from the npm package " + SPARTICUZ + ")" : ""));
        }
        return found;
    }

    private static Chromium locate() {
        List<String> tried = new ArrayList<>();
        String configured = Optional.ofNullable(System.getProperty("gatepost.chromium")).orElse(System.getenv("GATEPOST_CHROMIUM"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return new Chromium(path, false);
            }
            throw new IllegalStateException("gatepost.chromium / GATEPOST_CHROMIUM names " + configured + ", which is not an executable file");
        }
        for (String name : ON_PATH) {
            Optional<Path> onPath = onPath(name);
            if (onPath.isPresent()) {
                return new Chromium(onPath.get(), false);
            }
        }
        tried.add("no " + String.join(", ", ON_PATH) + " on the PATH");
        if (onPath("node").isPresent() && onPath("npm").isPresent()) {
            Optional<Path> npm = fromNpm(tried);
            if (npm.isPresent()) {
                return new Chromium(npm.get(), true);
            }
        } else {
            tried.add("no Node.js and npm to install " + SPARTICUZ);
        }
        if (onPath("apt-get").isPresent() && "root".equals(System.getProperty("user.name"))) {
            say("installing Debian's chromium package with apt-get (this takes a minute)");
            if (run(List.of("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk"),
                    null, 900, tried)) {
                Optional<Path> installed = onPath("chromium");
                if (installed.isPresent()) {
                    return new Chromium(installed.get(), false);
                }
            }
        } else {
            tried.add("not root with apt-get, so Debian's chromium package could not be installed");
        }
        throw new IllegalStateException("The browser tests need Chromium and none could be found or installed: "
                + String.join("; ", tried) + ". Install Chromium (Debian: apt-get install chromium fonts-noto-cjk), "
                + "or name one with -Dgatepost.chromium=/path/to/chromium.");
    }

    private static Optional<Path> fromNpm(List<String> tried) {
        try {
            Files.createDirectories(NPM_PREFIX);
            if (!Files.isDirectory(NPM_PREFIX.resolve("node_modules/@sparticuz/chromium"))) {
                say("installing " + SPARTICUZ + " with npm into " + NPM_PREFIX);
                if (!run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", NPM_PREFIX.toString(), SPARTICUZ),
                        null, 600, tried)) {
                    return Optional.empty();
                }
            }
            Path out = Files.createTempFile("chromium-path", ".txt");
            // The package unpacks its brotli-compressed binary and answers where it put it.
            if (!run(List.of("node", "--input-type=module", "-e",
                    "import c from '@sparticuz/chromium'; process.stdout.write(await c.executablePath())"),
                    out, 300, tried)) {
                return Optional.empty();
            }
            Path executable = Path.of(Files.readString(out, StandardCharsets.UTF_8).trim());
            return Files.isExecutable(executable) ? Optional.of(executable) : Optional.empty();
        } catch (IOException e) {
            tried.add(SPARTICUZ + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean run(List<String> command, Path output, int seconds, List<String> tried) {
        try {
            Files.createDirectories(NPM_PREFIX);
            // Nothing is inherited from the JVM: its stdin and stdout are Surefire's channel to the
            // forked JVM. npm made the inherited stdin non-blocking ("std/in stream corrupted") and
            // wrote to the inherited stdout ("Corrupted channel by directly writing to native
            // stream"), which failed the build; what they say is copied to System.out and System.err.
            ProcessBuilder builder = new ProcessBuilder(command).directory(NPM_PREFIX.toFile()).redirectErrorStream(output == null);
            if (output != null) {
                builder.redirectOutput(output.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            Thread relay = output == null ? relay(process.getInputStream(), System.out) : relay(process.getErrorStream(), System.err);
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                tried.add(String.join(" ", command) + " took longer than " + seconds + " s");
                return false;
            }
            relay.join(TimeUnit.SECONDS.toMillis(10));
            if (process.exitValue() != 0) {
                tried.add(String.join(" ", command) + " failed with exit code " + process.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            tried.add(String.join(" ", command) + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies a child process's output, line by line, as it comes. */
    private static Thread relay(InputStream from, PrintStream to) {
        Thread relay = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    to.println(line);
                }
            } catch (IOException e) {
                // the process is gone: nothing more to copy
            }
        }, "browsers-output");
        relay.setDaemon(true);
        relay.start();
        return relay;
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static void say(String message) {
        System.out.println("[browser tests] " + message);
    }
}
