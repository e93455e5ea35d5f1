package org.gatepost.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.vertx.ext.web.Router;
import org.gatepost.common.Digests;

/**
 * Serves the app's service worker ({@code frontend/sw.js}) with its version filled in: a
 * digest of the worker and of every file of the app shell it caches. Any change to the app
 * is so a new version, which the phones pick up and switch to cleanly, and nobody has to
 * remember to bump a number.
 */
@ApplicationScoped
public class ServiceWorkerScript {

    static final String PLACEHOLDER = "__SHELL_VERSION__";
    private static final String RESOURCES = "META-INF/resources";
    private static final Pattern SHELL = Pattern.compile("const SHELL = \\[(.*?)];", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private volatile Script cached;
    private volatile String revision = "";

    record Script(String version, String body, String revision) {
    }

    void install(@Observes Router router) {
        router.get("/sw.js").order(Integer.MIN_VALUE + 1).handler(context -> context.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8")
                // The browser checks for a new worker on every navigation: never from a cache.
                .putHeader("Cache-Control", "no-cache")
                .putHeader("Service-Worker-Allowed", "/")
                .end(script().body()));
    }

    Script script() {
        Script script = cached;
        // A script built while the revision changed carries the old one, and is built again.
        if (script == null || !script.revision().equals(revision) || LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            script = build(revision);
            cached = script;
        }
        return script;
    }

    /** Makes the next answer a new version, as a new release would: for the update test only. */
    void reviseForTesting(String revision) {
        this.revision = revision;
    }

    private static Script build(String revision) {
        String template = read("sw.js");
        Matcher shell = SHELL.matcher(template);
        if (!shell.find()) {
            throw new IllegalStateException("sw.js has no SHELL list");
        }
        MessageDigest digest = Digests.sha256();
        digest.update(template.getBytes(StandardCharsets.UTF_8));
        digest.update(revision.getBytes(StandardCharsets.UTF_8));
        for (String path : shellPaths(shell.group(1))) {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update(readBytes(path.equals("/") ? "index.html" : path.substring(1)));
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new Script(version, template.replace(PLACEHOLDER, version), revision);
    }

    static List<String> shellPaths(String list) {
        List<String> paths = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(list);
        while (quoted.find()) {
            paths.add(quoted.group(1));
        }
        return paths;
    }

    private static String read(String path) {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(String path) {
        try (InputStream in = ServiceWorkerScript.class.getClassLoader().getResourceAsStream(RESOURCES + "/" + path)) {
            if (in == null) {
                throw new IllegalStateException("The app shell lists " + path + ", which is not in frontend/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
