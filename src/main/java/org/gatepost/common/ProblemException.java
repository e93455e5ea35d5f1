package org.gatepost.common;

import java.util.List;
import java.util.Map;

import org.gatepost.common.Problem.FieldError;

/**
 * Thrown by services to answer with a problem. The factory methods name the usual ones;
 * {@link ProblemMapper} turns each into its response.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    private static ProblemException of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new ProblemException(new Problem("urn:gatepost:problem:" + slug, title, status, detail, errors), Map.of());
    }

    /** 400: input that cannot be read or is out of range, naming the field. */
    public static ProblemException invalid(String field, String message) {
        return of("invalid-input", "Invalid input", 400, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(new Problem("urn:gatepost:problem:unauthorized", "Not signed in", 401, detail, null),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    /** 403: the caller's role may not do this. */
    public static ProblemException forbidden(String detail) {
        return of("forbidden", "Not allowed", 403, detail, null);
    }

    /** 404: no such thing, or not in the caller's scope (the two are never told apart). */
    public static ProblemException notFound(String what) {
        return of("not-found", "Not found", 404, what + " does not exist or is outside your area", null);
    }

    public static ProblemException conflict(String detail) {
        return of("conflict", "Conflict", 409, detail, null);
    }

    /** 409: the data changed between reading and writing it (optimistic locking); the client reloads. */
    public static ProblemException changedMeanwhile(String detail) {
        return of("changed-meanwhile", "Changed meanwhile", 409, detail, null);
    }

    /** 412: the If-Match header names a version other than the stored one. */
    public static ProblemException preconditionFailed(String detail) {
        return of("changed-meanwhile", "Changed meanwhile", 412, detail, null);
    }

    /** 422: well-formed input that breaks a rule; {@code field} names the field or rule. */
    public static ProblemException rule(String field, String message) {
        return of("rule-broken", "Rule broken", 422, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(new Problem("urn:gatepost:problem:too-many-requests", "Too many requests", 429, detail, null),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 503: the service cannot answer now, but will soon; nothing was changed. */
    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(new Problem("urn:gatepost:problem:unavailable", "Service unavailable", 503, detail, null),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
