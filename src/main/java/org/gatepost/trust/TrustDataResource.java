package org.gatepost.trust;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.ProblemResponsesFilter;

/** The trust data phones cache to verify passes offline; unchanged data is answered 304. */
@Path("/api/v1/trust-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Passes")
@Authenticated
public class TrustDataResource {

    private final TrustDataService service;
    private final CurrentCaller caller;

    TrustDataResource(TrustDataService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL, Role.NAME_CADRE, Role.NAME_VOLUNTEER})
    @Operation(operationId = "getTrustData",
            summary = "Verification keys (JWK set), revoked serials, outing limits and your village's households",
            description = "Roles: ADMIN, OFFICIAL, CADRE, VOLUNTEER. Send the ETag of the copy you hold as If-None-Match: "
                    + "304 with no body when nothing changed.",
            // If-None-Match is compared, never refused: no 400.
            extensions = @Extension(name = ProblemResponsesFilter.NEVER_GIVES, value = "400"))
    @APIResponse(responseCode = "200", description = "The trust data",
            headers = {@Header(name = "ETag", description = "Its version, for If-None-Match on the next read",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "no-cache: ask again (with If-None-Match) before using a copy",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrustData.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent as If-None-Match: keep your copy",
            headers = @Header(name = "ETag", description = "The same version", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@HeaderParam(HttpHeaders.IF_NONE_MATCH)
                        @Parameter(description = "ETags of copies you hold (or *); a match answers 304") String ifNoneMatch) {
        TrustDataService.Tagged tagged = service.of(caller.get());
        Response.ResponseBuilder answer = matches(ifNoneMatch, tagged.etag()) ? Response.notModified()
                : Response.ok(tagged.data());
        return answer.header(HttpHeaders.ETAG, tagged.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    /** RFC 9110 weak comparison, as If-None-Match asks: any listed tag, W/ or not, or *. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
