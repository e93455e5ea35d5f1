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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard API keys", description = "Read-only keys to the statistics of one subtree")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL})
public class ApiKeyResource {

    private final ApiKeyService service;
    private final CurrentCaller caller;

    ApiKeyResource(ApiKeyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a read-only statistics key for a place in your area; the key is shown this once")
    public Response create(@NotNull @Valid CreateApiKeyRequest request) {
        ApiKeyView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/api-keys/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The keys of your area, without their secrets")
    public Page<ApiKeyView> list() {
        return new Page<>(service.list(caller.get()), null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One key of your area, without its secret")
    public ApiKeyView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key: it stops working at once")
    public Response revoke(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.revoke(caller.get(), id, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }
}
