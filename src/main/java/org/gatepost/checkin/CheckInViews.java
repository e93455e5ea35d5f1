package org.gatepost.checkin;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What goes over the wire for a gate's poster and a visitor's self check-in. */
public final class CheckInViews {

    // [\s\S] rather than (?s).: the same in Java and valid ECMA-262, so the document's pattern works in clients too.
    private static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";

    private CheckInViews() {
    }

    @Schema(name = "Poster")
    public record Poster(UUID checkpointId, String checkpointName, String villageName,
                         @Schema(description = "The QR code's content: <origin>/checkin.html#<posterToken>") String url) {
    }

    @Schema(name = "CheckInGate")
    public record Gate(String checkpointName, String villageName) {
    }

    /** What a visitor types; the same sizes as an entry's visitor fields. */
    @Schema(name = "VisitorCheckIn")
    public record Request(
            @NotNull @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String origin,
            @NotNull @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String purpose,
            @NotNull @Min(1) @Max(20) Integer partySize,
            @Size(max = 20) String plate) {
    }

    @Schema(name = "CheckInCode")
    public record Code(
            @Schema(description = "JWS compact (ES256, typ gp-checkin) holding what the visitor typed; shown as a QR code")
            String code,
            OffsetDateTime expiresAt) {
    }
}
