package org.gatepost.common;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * Headers on every response, the app's pages and the API's answers alike: the security
 * headers, and a {@code Date} from which the app at the gate learns how far its phone's
 * clock is off. {@code Strict-Transport-Security} goes only on answers served over TLS:
 * directly, or behind a proxy that Quarkus is configured to trust ({@code quarkus.http.proxy.*}),
 * whose {@code X-Forwarded-Proto} then sets the request's scheme. From anyone else that
 * header changes nothing. CORS stays closed: no {@code Access-Control-Allow-Origin} unless
 * {@code quarkus.http.cors.*} is configured.
 */
@ApplicationScoped
public class ResponseHeaders {

    /** A year; browsers that saw it once keep to https for that long. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    /**
     * Self only: no inline script, no other origin, never framed. WebAssembly may be compiled
     * ('wasm-unsafe-eval', which allows no JavaScript eval): the gate's QR decoder is the
     * app's own vendored zxing-wasm.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
            + "base-uri 'none'; object-src 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            boolean overTls = "https".equalsIgnoreCase(context.request().scheme());
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                if (!headers.contains("Date")) {
                    headers.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
                }
                if (path.endsWith(".webmanifest")) {
                    headers.set("Content-Type", "application/manifest+json");
                }
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                if (overTls) {
                    headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
                }
                // Swagger UI and the dev UI are third-party pages built on inline script.
                if (!path.startsWith("/q/swagger-ui") && !path.startsWith("/q/dev")) {
                    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    headers.set("X-Frame-Options", "DENY");
                }
            });
            context.next();
        });
    }
}
