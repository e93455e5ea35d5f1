package org.gatepost.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes security events. A change is logged in the transaction that makes it, so a change
 * that rolls back leaves no event; a refusal or a failure is logged in a transaction of its
 * own, as the request's own work rolls back.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditRepository events;
    private final CurrentVertxRequest request;

    AuditLog(AuditRepository events, CurrentVertxRequest request) {
        this.events = events;
        this.request = request;
    }

    /** A change made by an account (its id and role), about one subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(AuditKind kind, UUID actorId, String actorRole, String subjectType, UUID subjectId, String detail) {
        events.insert(event(kind, actorId, actorRole, subjectType, subjectId, detail));
    }

    /**
     * A refusal or failure (sign-in failed, no or a bad token, a role that may not), seen
     * from a client's address; in its own transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(AuditKind kind, UUID actorId, String actorRole, String client, String detail) {
        events.insert(new AuditRepository.Event(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS), kind,
                actorId, actorRole, null, null, client, shorten(detail)));
    }

    private AuditRepository.Event event(AuditKind kind, UUID actorId, String actorRole, String subjectType, UUID subjectId,
                                        String detail) {
        return new AuditRepository.Event(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS), kind, actorId,
                actorRole, subjectType, subjectId, client(), shorten(detail));
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    /** The client's address as this server saw it (a proxy's, behind one), when there is a request. */
    private String client() {
        try {
            RoutingContext current = request.getCurrent();
            if (current == null || current.request().remoteAddress() == null) {
                return null;
            }
            return current.request().remoteAddress().hostAddress();
        } catch (RuntimeException e) {
            return null; // no HTTP request here (a scheduled job)
        }
    }
}
