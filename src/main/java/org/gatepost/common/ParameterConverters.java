package org.gatepost.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads typed path and query parameters (ids, whole numbers, times, enums). A value that cannot
 * be read is a 400 problem naming the parameter: JAX-RS alone would answer 404 for a query
 * parameter it cannot convert, as if the resource did not exist. An empty value counts as
 * absent, so that {@code ?limit=} means the default, and required parameters say so with
 * {@code @NotNull}.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** Looked up per request: providers are made at start-up, before configuration mappings can be injected. */
    private final Instance<GatepostConfig> config;

    ParameterConverters(Instance<GatepostConfig> config) {
        this.config = config;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Reading<>(name, "must be a UUID", UUID::fromString);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Reading<>(name, "must be a whole number", Integer::valueOf);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Reading<>(name, null, text -> TimeRange.instant(name, text, config.get().timeZone()));
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter(name, (Class) rawType);
        }
        return null;
    }

    /** An enum by its constant's name; the case is forgiven (hour or HOUR), nothing else. */
    private static <E extends Enum<E>> ParamConverter<E> enumConverter(String name, Class<E> type) {
        E[] constants = type.getEnumConstants();
        String allowed = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        return new Reading<>(name, "must be one of " + allowed, text -> Arrays.stream(constants)
                .filter(c -> c.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(IllegalArgumentException::new));
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    /** The 400 problem for a parameter, thrown as JAX-RS expects from a converter. */
    static BadRequestException invalid(String name, String message) {
        return invalid(ProblemException.invalid(name, message).problem());
    }

    static BadRequestException invalid(Problem problem) {
        return new BadRequestException(Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    /** Trims the value, reads it, and turns any failure into a 400 naming the parameter. */
    private record Reading<T>(String name, String message, Function<String, T> read) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return read.apply(value.trim());
            } catch (ProblemException e) {
                throw invalid(e.problem());
            } catch (RuntimeException e) {
                throw invalid(name, message);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
