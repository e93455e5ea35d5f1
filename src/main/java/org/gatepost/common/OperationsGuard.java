package org.gatepost.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the operators' endpoints to those meant to read them: {@code /q/metrics} only to a
 * scraper holding the configured token (it tells how busy each gate's server is, and is no
 * one else's business), and the API documentation only where it is configured public.
 */
@ApplicationScoped
public class OperationsGuard {

    private final Optional<String> metricsToken;
    private final boolean publicApiDocs;
    private final ObjectMapper json;

    OperationsGuard(GatepostConfig config, ObjectMapper json) {
        this.metricsToken = config.operations().metricsToken().filter(t -> !t.isBlank());
        this.publicApiDocs = config.operations().publicApiDocs();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route("/q/metrics*").order(Integer.MIN_VALUE + 2).handler(this::metrics);
        router.route("/q/openapi*").order(Integer.MIN_VALUE + 2).handler(this::apiDocs);
        router.route("/q/swagger-ui*").order(Integer.MIN_VALUE + 2).handler(this::apiDocs);
    }

    private void metrics(RoutingContext context) {
        if (metricsToken.isEmpty()) {
            refuse(context, notFound("Metrics are not served here: set gatepost.operations.metrics-token for a scraper"));
        } else if (!matches(context.request().getHeader("Authorization"), "Bearer " + metricsToken.get())) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(context, ProblemException.unauthorized("Metrics are for the configured scraper: send its bearer token")
                    .problem());
        } else {
            context.next();
        }
    }

    private void apiDocs(RoutingContext context) {
        if (publicApiDocs) {
            context.next();
        } else {
            refuse(context, notFound("The API documentation is not public here (gatepost.operations.public-api-docs)"));
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static Problem notFound(String detail) {
        return new Problem("urn:gatepost:problem:not-found", "Not found", 404, detail, null);
    }

    /** Compares in constant time, so the token cannot be guessed a character at a time. */
    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
