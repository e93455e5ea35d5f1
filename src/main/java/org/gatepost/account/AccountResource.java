package org.gatepost.account;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.gatepost.caller.Role;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.common.Cursor;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;

@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL, Role.NAME_CADRE})
public class AccountResource {

    private final AccountService service;
    private final CurrentCaller caller;

    AccountResource(AccountService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "Accounts whose home lies at or below a place (default: your home place)",
            description = "Roles: ADMIN, OFFICIAL, CADRE. Pages by cursor: pass nextCursor back as cursor.")
    public Page<AccountView> list(@QueryParam("placeId") @Parameter(description = "The place (default: your home place)") UUID placeId,
                                  @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                  @QueryParam("limit") @Parameter(description = Paging.LIMIT_DESCRIPTION)
                                  @Min(value = 1, message = Paging.LIMIT_RANGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_RANGE)
                                  Integer limit) {
        return service.list(caller.get(), placeId, Cursor.decode(cursor), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAccount", summary = "One account in your area", description = "Roles: ADMIN, OFFICIAL, CADRE.")
    public AccountView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @POST
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "createAccount", summary = "Create an account (admins: any; cadres: volunteers of their village)",
            description = "Roles: ADMIN, CADRE.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new account's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public Response create(@NotNull @Valid CreateAccountRequest request) {
        AccountView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/accounts/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "updateAccount", summary = "Rename, set the password, change the team, or (de)activate an account",
            description = "Roles: ADMIN, CADRE (volunteers of their village). If-Match with the account's ETag refuses (412) "
                    + "a write to a newer version.")
    public AccountView update(@PathParam("id") UUID id,
                              @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch,
                              @NotNull @Valid UpdateAccountRequest request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }
}
