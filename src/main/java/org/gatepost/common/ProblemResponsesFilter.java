package org.gatepost.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with what follows from the application's rules rather than from
 * one method: the problem responses an operation can give (each with the Problem body), the ETag
 * of versioned resources, and {@code required} on every property of an answer (Jackson writes
 * every property, null or not, unless a schema says otherwise with its own {@code required}).
 *
 * <p>Which problems: 400 where there is input to refuse; 401 and 403 where a token is needed;
 * 404 where the path or a *Id query parameter names something; 406 for an Accept header the
 * operation cannot answer; 409 for writes; 412 where If-Match is read; 415 and 422 where a body
 * is read; 500 and 503 (database unreachable) everywhere but the ping. An operation states any
 * other (429 on sign-in, say) with its own annotation.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** The schemas of {@link Versioned} answers: their 200 and 201 carry an ETag. */
    private static final Set<String> VERSIONED = Set.of("AccountView", "AlertView", "ApiKeyView", "PlaceView", "ShiftView",
            "TeamView");
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                problems(path, entry.getKey(), entry.getValue());
                etags(entry.getValue().getResponses());
            }
        });
        requireAnswerProperties(openAPI);
    }

    private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean ping = path.equals("/api/v1/ping");
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        // An operation without an id (not yet named by its author) is not a search.
        boolean write = method != PathItem.HttpMethod.GET
                && (operation.getOperationId() == null || !operation.getOperationId().startsWith("search"));
        if (body || !parameters.isEmpty()) {
            add(responses, "400", "Invalid input: malformed JSON, unknown or missing fields, wrong types, out-of-range "
                    + "values; the problem names each field");
        }
        if (secured) {
            add(responses, "401", "No token, or an expired, tampered or revoked one");
            add(responses, "403", "Your role may not do this");
        }
        if (path.contains("{") || parameters.stream().anyMatch(p -> "query".equals(String.valueOf(p.getIn()))
                && p.getName().endsWith("Id"))) {
            add(responses, "404", "No such thing, or it lies outside your area (the two are never told apart)");
        }
        add(responses, "406", "The Accept header names no media type this operation answers in");
        if (secured && write) {
            add(responses, "409", "Conflicts with stored data, or it changed meanwhile; the problem says how");
        }
        if (parameters.stream().anyMatch(p -> "If-Match".equals(p.getName()))) {
            add(responses, "412", "If-Match names another version than the stored one: reload and apply your change again");
        }
        if (body) {
            add(responses, "415", "The body is not application/json");
            if (secured && write) {
                add(responses, "422", "Well-formed, but breaks a rule; the problem names the field or rule");
            }
        }
        if (!ping) {
            add(responses, "500", "Unexpected error; nothing was changed. The problem names an incident to report");
            add(responses, "503", "The database cannot be reached at the moment; nothing was changed. See Retry-After");
        }
        // Every problem answer, also those an operation states itself, carries the Problem body.
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problemContent());
                }
            }
        });
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static void etags(APIResponses responses) {
        for (String status : List.of("200", "201")) {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null || response.getContent() == null) {
                continue;
            }
            MediaType json = response.getContent().getMediaType("application/json");
            if (json != null && json.getSchema() != null && json.getSchema().getRef() != null
                    && VERSIONED.contains(json.getSchema().getRef().substring(SCHEMAS.length()))) {
                response.addHeader("ETag", OASFactory.createHeader()
                        .description("The version, for If-Match on a later write")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        }
    }

    /**
     * Marks every property of the schemas that answers are made of as required, since they are
     * always written; schemas that requests are also made of are left as declared.
     */
    private static void requireAnswerProperties(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        List<Schema> answers = new ArrayList<>();
        List<Schema> requests = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(m -> requests.add(m.getSchema()));
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (response.getContent() != null && !status.startsWith("4") && !status.startsWith("5")) {
                    response.getContent().getMediaTypes().values().forEach(m -> answers.add(m.getSchema()));
                }
            });
        }));
        Set<String> answerSchemas = reachable(answers, schemas);
        answerSchemas.removeAll(reachable(requests, schemas));
        for (String name : answerSchemas) {
            Schema schema = schemas.get(name);
            if (schema.getProperties() != null && !schema.getProperties().isEmpty() && schema.getRequired() == null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> schemas) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        roots.stream().filter(s -> s != null).forEach(todo::add);
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String name = schema.getRef().substring(SCHEMAS.length());
                if (names.add(name) && schemas.get(name) != null) {
                    todo.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::add);
            }
            if (schema.getItems() != null) {
                todo.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.add(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
                if (group != null) {
                    group.forEach(todo::add);
                }
            }
        }
        return names;
    }
}
