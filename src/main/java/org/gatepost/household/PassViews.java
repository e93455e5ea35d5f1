package org.gatepost.household;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Passes as they leave the server: one just issued, and a village's sheet of cards. */
public final class PassViews {

    private PassViews() {
    }

    @Schema(name = "IssuedPass")
    public record Issued(int serial, @Schema(description = "The pass: JWS compact (ES256); the QR code's content") String token,
                         String kid, OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
    }

    @Schema(name = "PassCards")
    public record Cards(VillageName village, List<Card> cards) {
    }

    @Schema(name = "PassCardsVillage")
    public record VillageName(UUID id, String name) {
    }

    @Schema(name = "PassCard")
    public record Card(UUID householdId, String label, int serial, String token, OffsetDateTime issuedAt,
                       OffsetDateTime expiresAt) {
    }
}
