package org.gatepost.account;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.gatepost.caller.CurrentCaller;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@Authenticated
public class MeResource {

    private final AccountService service;
    private final CurrentCaller caller;

    MeResource(AccountService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getMe", summary = "Your own account", description = "Roles: any signed-in account.")
    public AccountView me() {
        return service.me(caller.get());
    }
}
