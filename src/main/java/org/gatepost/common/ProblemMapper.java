package org.gatepost.common;

import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.gatepost.common.Problem.FieldError;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become problem responses. A 500 tells nothing of the internals. */
public class ProblemMapper {

    private static final ProblemException STALE = ProblemException.changedMeanwhile(
            "This was changed meanwhile by someone else; nothing was written. Reload it and apply your change again");
    /** How long a client should wait before trying again while the database cannot be reached. */
    static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = respond(e.problem());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return respond(invalidFields(e.getConstraintViolations())).build();
    }

    /** The 400 problem naming each field that bean validation refused. */
    public static Problem invalidFields(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
        return new Problem("urn:gatepost:problem:invalid-input", "Invalid input", 400, detail, errors);
    }

    /**
     * JSON that cannot be read into the expected shape: a 400 naming the field. The subtypes
     * are listed because Quarkus ships mappers of its own for some of them, and the mapper
     * registered for the nearest type wins.
     */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class})
    public Response unreadable(JsonProcessingException e) {
        return json(e);
    }

    /**
     * A type the server cannot read at all is the server's fault: a 500 like any other, never
     * the empty one of the built-in mapper.
     */
    @ServerExceptionMapper
    public Response undefined(InvalidDefinitionException e) {
        return internal(e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return problem(ProblemException.unauthorized("Sign in first: a valid, unexpired bearer token is required"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(ProblemException.forbidden("Your role may not do this"));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        if (e.getResponse().getEntity() instanceof Problem problem) {
            // A parameter that could not be read (ParameterConverters) names itself.
            return respond(problem).build();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request refused";
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        Response.ResponseBuilder response = respond(new Problem("about:blank", title, status, detail, null));
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            response.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return response.build();
    }

    /** Kept explicit so that no built-in mapper answers for persistence errors; see {@link #internal}. */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return internal(e);
    }

    /** Two writers raced on one row and this one read it before the other wrote: nothing was changed. */
    @ServerExceptionMapper
    public Response stale(OptimisticLockException e) {
        return problem(STALE);
    }

    /**
     * Anything unexpected is a 500 that tells nothing of the internals; a database constraint
     * that the service did not check first (two requests racing, say) is a 409 or 422.
     */
    @ServerExceptionMapper
    public Response internal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return problem(STALE);
            }
        }
        if (databaseUnavailable(e)) {
            Log.warnf("The database cannot be reached: %s", e.getMessage());
            return problem(ProblemException.unavailable(
                    "The service cannot reach its database at the moment. Nothing was changed; try again shortly.",
                    DATABASE_RETRY_AFTER_SECONDS));
        }
        String state = sqlState(e);
        if (state != null && state.startsWith("23")) {
            Log.infof("Constraint %s refused a write: %s", state, e.getMessage());
            if (state.equals("23514") || state.equals("23502")) {
                return problem(ProblemException.rule("body", "a value breaks a rule of the stored data"));
            }
            return problem(ProblemException.conflict("This conflicts with data stored meanwhile; reload and try again"));
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error, incident %s", incident);
        return respond(new Problem("about:blank", "Internal error", 500,
                "Something went wrong on our side (incident " + incident + "). Nothing was changed; try again.", null))
                .build();
    }

    private static Response json(JsonProcessingException e) {
        return respond(unreadableJson(e)).build();
    }

    /** The 400 problem for JSON that cannot be read into the expected shape, naming the field. */
    public static Problem unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String message;
        JsonParseException parse = parseError(e);
        String repeated = parse == null ? null : repeatedKey(parse);
        if (repeated != null) {
            field = repeated;
            message = "is given more than once";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            message = "unknown property";
        } else if (parse != null || !(e instanceof JsonMappingException)) {
            field = "body";
            message = "is not well-formed JSON";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            // Refused by JsonSettings.PlainText, whose message says why without echoing the text.
            message = format.getOriginalMessage();
        } else if (e instanceof InvalidFormatException format && format.getValue() instanceof String
                && isNumberOrBoolean(format.getTargetType())) {
            message = "must be " + describe(format.getTargetType()) + ", not text in quotes";
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot read " + quote(format.getValue()) + " as " + describe(format.getTargetType());
        } else if (e instanceof ValueInstantiationException) {
            message = "is not a valid value";
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "must be " + describe(mismatched.getTargetType());
        } else {
            message = "cannot be read";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return new Problem("urn:gatepost:problem:invalid-input", "Invalid input", 400,
                field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** The parser's own error, also when a deserializer wrapped it on the way out. */
    private static JsonParseException parseError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return parse;
            }
        }
        return null;
    }

    /**
     * Where a key was given twice ("entries[3].phone"), read from the parser's position when it
     * stopped; Jackson reports the duplicate only in its message ("Duplicate field 'phone'").
     */
    private static String repeatedKey(JsonParseException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field '")) {
            return null;
        }
        JsonParser parser = e.getProcessor();
        if (parser != null && parser.getParsingContext() != null) {
            String path = pathOf(parser.getParsingContext());
            if (!path.isEmpty()) {
                return path;
            }
        }
        return message.substring("Duplicate field '".length(), message.length() - 1);
    }

    private static String pathOf(JsonStreamContext context) {
        List<String> steps = new java.util.ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                steps.add(0, at.getCurrentName());
            } else if (at.inArray()) {
                steps.add(0, "[" + Math.max(at.getCurrentIndex(), 0) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (!path.isEmpty() && !step.startsWith("[")) {
                path.append('.');
            }
            path.append(step);
        }
        return path.toString();
    }

    private static boolean isNumberOrBoolean(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type.isPrimitive() || type == Boolean.class;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == int.class || type == long.class
                || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Property paths of resource parameters read "method.argument.field"; the caller knows only "field".
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                if (isBody(violation, node)) {
                    continue;
                }
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** A violation on the request body itself ("must not be null") is named "body", not after the Java argument. */
    private static boolean isBody(ConstraintViolation<?> violation, Path.Node node) {
        String name = node.getName();
        return name != null && (name.equals("request") || name.equals("body"));
    }

    /**
     * The database is down, restarting, refusing connections or the pool has none to give
     * within its wait: the request can succeed later unchanged, so it is a 503, not a 500.
     * Also asked by the entries' group commit, which does not retry each request of a failed
     * statement on its own when the database is not there at all.
     */
    public static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
                // Agroal's answer when no connection could be had in time; it carries no SQL state.
                if (state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
