package org.gatepost.common;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses requests that are too large before anything reads them, with problem details: a
 * body over {@code quarkus.http.limits.max-body-size} (413), a path and query longer than
 * {@code gatepost.limits.max-uri-length} (414), headers larger than
 * {@code gatepost.limits.max-header-size} (431). A body must announce its length: one sent
 * in chunks of unknown total is refused (411), since past the limit Quarkus could only answer
 * it half-read, with an empty 413.
 *
 * <p>The HTTP codec has limits of its own, beyond which it answers 414 and 431 with no body
 * before any application code runs (Quarkus offers no hook there); application.properties
 * sets them well above these, so that an ordinary oversized request meets this class first.
 */
@ApplicationScoped
public class RequestLimits {

    private static final String TOO_LARGE = "urn:gatepost:problem:request-too-large";

    private final GatepostConfig config;
    private final long maxBody;
    private final ObjectMapper json;

    RequestLimits(GatepostConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
                  ObjectMapper json) {
        this.config = config;
        this.maxBody = maxBody.asLongValue();
        this.json = json;
    }

    // After ResponseHeaders (same route order, registered later), so that refusals carry the security headers too.
    void install(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        int uriLength = request.uri().length();
        if (uriLength > config.limits().maxUriLength()) {
            refuse(context, 414, TOO_LARGE, "URI too long", "The path and query are " + uriLength + " characters long; at most "
                    + config.limits().maxUriLength() + " are read. Send long input in the body.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + 2 + header.getValue().length();
        }
        if (headerBytes > config.limits().maxHeaderSize()) {
            refuse(context, 431, TOO_LARGE, "Request headers too large", "The headers are " + headerBytes + " bytes; at most "
                    + config.limits().maxHeaderSize() + " are read.");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length == null && request.version() != HttpVersion.HTTP_2 && request.headers().contains("Transfer-Encoding")) {
            // A body of unannounced length would meet its limit half-read, where only an empty 413 can answer.
            refuse(context, 411, "urn:gatepost:problem:length-required", "Length required",
                    "Send the body with a Content-Length header, at most " + maxBody + " bytes.");
            return;
        }
        if (length != null && isLongerThan(length, maxBody)) {
            refuse(context, 413, TOO_LARGE, "Request too large", "The body is larger than the " + maxBody
                    + " bytes this server reads; an entry batch of 500 fits, send more in several batches.");
            return;
        }
        context.next();
    }

    private static boolean isLongerThan(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return contentLength.trim().chars().allMatch(Character::isDigit); // too many digits for a long
        }
    }

    private void refuse(RoutingContext context, int status, String type, String title, String detail) {
        Problem problem = new Problem(type, title, status, detail, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The unread rest of the request cannot be told from a next request: close the connection after answering.
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(body);
    }
}
