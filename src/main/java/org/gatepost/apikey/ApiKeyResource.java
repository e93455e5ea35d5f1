package org.gatepost.apikey;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard API keys")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL})
public class ApiKeyResource {

    private final ApiKeyService service;
    private final CurrentCaller caller;

    ApiKeyResource(ApiKeyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createApiKey",
            summary = "Create a read-only statistics key for a place in your area; the key is shown this once",
            description = "Roles: ADMIN, OFFICIAL.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new key's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public Response create(@NotNull @Valid CreateApiKeyRequest request) {
        ApiKeyView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/api-keys/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "The keys of your area, without their secrets",
            description = "Roles: ADMIN, OFFICIAL.")
    public Page<ApiKeyView> list() {
        return new Page<>(service.list(caller.get()), null);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApiKey", summary = "One key of your area, without its secret",
            description = "Roles: ADMIN, OFFICIAL.")
    public ApiKeyView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key: it stops working at once",
            description = "Roles: ADMIN, OFFICIAL.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        service.revoke(caller.get(), id, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }
}
