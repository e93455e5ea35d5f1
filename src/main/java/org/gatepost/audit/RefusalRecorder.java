package org.gatepost.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Logs every refused API request as it leaves (401 no or a bad sign-in, 403 a role or key
 * that may not, 429 sign-in throttled), whichever part of the application refused it, with
 * who asked where one is known. Written off the event loop, in a transaction of its own.
 *
 * <p>The public self check-in ({@code /api/v1/public/}) is anonymous by design and never
 * answers 401 or 403; its rate-limit refusals (429) are not logged, as a flood of them would
 * only fill the log with one row per request.
 */
@ApplicationScoped
public class RefusalRecorder {

    static final String SIGN_IN = "/api/v1/auth/login";
    static final String PUBLIC = "/api/v1/public/";

    private final AuditLog audit;
    private final Vertx vertx;

    RefusalRecorder(AuditLog audit, Vertx vertx) {
        this.audit = audit;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 3).handler(context -> {
            context.addHeadersEndHandler(ignored -> record(context));
            context.next();
        });
    }

    private void record(RoutingContext context) {
        int status = context.response().getStatusCode();
        String path = context.normalizedPath();
        AuditKind kind;
        if (path.startsWith(PUBLIC)) {
            return;
        }
        if (path.equals(SIGN_IN)) {
            kind = status == 401 ? AuditKind.SIGN_IN_FAILED : status == 429 ? AuditKind.SIGN_IN_THROTTLED : null;
        } else {
            kind = status == 401 ? AuditKind.UNAUTHENTICATED : status == 403 ? AuditKind.FORBIDDEN : null;
        }
        if (kind == null) {
            return;
        }
        SecurityIdentity identity = identity(context);
        UUID actor = identity == null ? null : accountId(identity);
        String role = identity == null ? null : String.join(",", identity.getRoles());
        String client = context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
        String detail = context.request().method().name() + " " + path;
        vertx.executeBlocking(() -> {
            audit.refused(kind, actor, role, client, detail);
            return null;
        }, false).onFailure(e -> Log.warnf(e, "Could not log %s of %s", kind, detail));
    }

    private static SecurityIdentity identity(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            return identity == null || identity.isAnonymous() ? null : identity;
        }
        return null;
    }

    /** A signed-in account's principal is its id; a dashboard key's is not an account. */
    private static UUID accountId(SecurityIdentity identity) {
        try {
            return UUID.fromString(identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
