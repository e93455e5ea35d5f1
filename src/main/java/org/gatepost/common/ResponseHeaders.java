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
 * clock is off.
 */
@ApplicationScoped
public class ResponseHeaders {

    /** Self only: no inline script, no other origin, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
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
