package org.gatepost.entry;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.account.CurrentCaller;
import org.gatepost.account.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.Ids;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;
import org.gatepost.common.ProblemException;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Red and yellow codes and fevers turned away or referred")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL, Role.NAME_CADRE})
public class AlertResource {

    private final AlertService service;
    private final CurrentCaller caller;

    AlertResource(AlertService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Alerts at or below a place (default: your home place), newest first; status=OPEN for open ones")
    public Page<AlertView> list(@QueryParam("placeId") String placeId, @QueryParam("status") String status,
                                @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.list(caller.get(), Ids.parse("placeId", placeId), status(status), Cursor.decodeTimed(cursor),
                Paging.limit(limit));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Acknowledge an alert of your village, with a note of what was done")
    public AlertView acknowledge(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @Valid AcknowledgeRequest request) {
        return service.acknowledge(caller.get(), id, request == null ? null : request.note(), IfMatch.parse(ifMatch));
    }

    private static Alert.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Alert.Status.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be OPEN or ACKNOWLEDGED");
        }
    }
}
