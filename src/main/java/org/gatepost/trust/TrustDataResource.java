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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;

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
    @Operation(summary = "Verification keys (JWK set), revoked serials, outing limits and your village's households; "
            + "If-None-Match with the ETag answers 304 when nothing changed")
    public Response get(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
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
