package org.gatepost.common;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the problem responses that every API operation can give to the OpenAPI document, so
 * that each endpoint's page lists them without repeating annotations on every method.
 */
public class ProblemResponsesFilter implements OASFilter {

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
                APIResponses responses = entry.getValue().getResponses();
                boolean secured = !path.equals("/api/v1/auth/login");
                boolean withBody = entry.getKey() == PathItem.HttpMethod.POST || entry.getKey() == PathItem.HttpMethod.PUT
                        || entry.getKey() == PathItem.HttpMethod.PATCH;
                add(responses, "400", "Invalid input: malformed JSON, unknown or missing fields, wrong types, out-of-range values");
                if (secured) {
                    add(responses, "401", "No token, or an expired, tampered or revoked one");
                    add(responses, "403", "Your role may not do this");
                }
                if (path.contains("{")) {
                    add(responses, "404", "No such resource, or it lies outside your area");
                }
                if (withBody) {
                    add(responses, "415", "The body is not application/json");
                    if (secured) {
                        add(responses, "409", "Conflicts with stored data");
                        add(responses, "422", "Breaks a rule; the problem names the field or rule");
                    }
                }
                add(responses, "500", "Unexpected error; nothing was changed");
            }
        });
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
    }
}
