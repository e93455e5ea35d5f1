package org.gatepost.checkin;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.gatepost.common.Problem;
import org.gatepost.common.ProblemResponsesFilter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The visitor's self check-in: public on purpose (no account, no install), guarded by
 * {@link CheckInGuard} (body size, rate limits) before it is reached.
 */
@Path("/api/v1/public/check-in/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self check-in")
@PermitAll
@SecurityRequirements
public class CheckInResource {

    private static final String TOKEN = "The poster's token: what follows # in its QR code's address";

    private final CheckInService service;

    CheckInResource(CheckInService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getCheckInGate", summary = "Which gate the poster is at",
            description = "Public: no account. Reads are rate-limited per client address (429 with Retry-After). "
                    + "An unknown or rotated poster is a 404.",
            // Any token is read as given (an unknown one is a 404): no 400.
            extensions = @Extension(name = ProblemResponsesFilter.NEVER_GIVES, value = "400"))
    @APIResponse(responseCode = "200", description = "The gate and its village",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInViews.Gate.class)))
    @APIResponse(responseCode = "429", description = "Too many reads from this client address; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckInViews.Gate gate(@PathParam("token") @Parameter(description = TOKEN) String token) {
        return service.gate(token);
    }

    @POST
    @Operation(operationId = "selfCheckIn",
            summary = "A visitor's origin, purpose, party size and plate, answered as a signed code valid for minutes",
            description = "Public: no account. Nothing typed is stored: the code carries it to the volunteer's phone. "
                    + "Rate-limited per client address and per gate (429 with Retry-After); at most " + CheckInGuard.LARGEST_BODY + " bytes (413).")
    @APIResponse(responseCode = "201", description = "The signed code to show at the gate (not stored, so no Location)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckInViews.Code.class)))
    @APIResponse(responseCode = "413", description = "The body is longer than " + CheckInGuard.LARGEST_BODY + " bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many check-ins from this client address or at this gate; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkIn(@PathParam("token") @Parameter(description = TOKEN) String token,
                            @NotNull @Valid CheckInViews.Request request) {
        return Response.status(Response.Status.CREATED).entity(service.checkIn(token, request)).build();
    }
}
