package org.gatepost.account;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.Role;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.common.Cursor;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Ids;
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
    @Operation(summary = "Accounts whose home lies at or below a place (default: your home place)")
    public Page<AccountView> list(@QueryParam("placeId") String placeId,
                                  @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") String limit) {
        return service.list(caller.get(), Ids.parse("placeId", placeId), Cursor.decode(cursor), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One account in your area")
    public AccountView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @POST
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Create an account (admins: any; cadres: volunteers of their village)")
    public Response create(@NotNull @Valid CreateAccountRequest request) {
        AccountView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/accounts/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Rename, set the password, change the team, or (de)activate an account")
    public AccountView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                              @NotNull @Valid UpdateAccountRequest request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }
}
