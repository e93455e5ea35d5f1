package org.gatepost.checkin;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.gatepost.account.ClientAddress;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Problem;

/**
 * Guards the public self check-in before any of its requests is read: a small body only,
 * and a rate limit per client address (the real one behind the trusted proxy) and per
 * poster, that is per checkpoint. A refusal is a problem (413, 429 with Retry-After).
 *
 * <p>The counts live in this instance's memory: behind a load balancer that spreads one
 * client over k instances, a client may get up to k times its limit; one that keeps a client
 * on one instance (by address) keeps the per-address limit exact, and a poster's limit is at
 * most k times its setting. Sign-in's guessing limits, by contrast, are in PostgreSQL.
 */
@ApplicationScoped
public class CheckInGuard {

    static final String PATH = "/api/v1/public/check-in/";
    /** Four short fields of JSON; anything longer is not a visitor filling in a form. */
    static final int LARGEST_BODY = 2048;

    private final GatepostConfig.CheckIn config;
    private final RateLimiter limiter;
    private final ObjectMapper json;

    CheckInGuard(GatepostConfig config, ObjectMapper json) {
        this.config = config.checkIn();
        this.limiter = new RateLimiter(this.config.window());
        this.json = json;
    }

    // After the general request limits (RequestLimits), before authentication and the resource.
    void install(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) Router router) {
        router.route(PATH + "*").order(Integer.MIN_VALUE + 5).handler(this::check);
    }

    private void check(RoutingContext context) {
        String client = ClientAddress.of(context.request().remoteAddress());
        String poster = context.normalizedPath().substring(PATH.length());
        long now = System.currentTimeMillis();
        long wait;
        if (context.request().method() == HttpMethod.POST) {
            String length = context.request().getHeader("Content-Length");
            if (length != null && !length.isBlank() && tooLong(length)) {
                refuse(context, 413, "urn:gatepost:problem:request-too-large", "Request too large",
                        "A check-in is at most " + LARGEST_BODY + " bytes of JSON", 0);
                return;
            }
            wait = limiter.take("address:" + client, config.perAddress(), now);
            if (wait == 0) {
                wait = limiter.take("poster:" + poster, config.perCheckpoint(), now);
            }
        } else {
            wait = limiter.take("reads:" + client, config.readsPerAddress(), now);
        }
        if (wait > 0) {
            refuse(context, 429, "urn:gatepost:problem:too-many-requests", "Too many requests",
                    "Too many check-ins from here or at this gate; try again in " + wait + " seconds", wait);
            return;
        }
        context.next();
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > LARGEST_BODY;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void refuse(RoutingContext context, int status, String type, String title, String detail, long retryAfter) {
        String body;
        try {
            body = json.writeValueAsString(new Problem(type, title, status, detail, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (retryAfter > 0) {
            context.response().putHeader("Retry-After", Long.toString(retryAfter));
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
