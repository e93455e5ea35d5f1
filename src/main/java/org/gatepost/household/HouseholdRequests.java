package org.gatepost.household;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a cadre sends to keep the register, its passes and its outing limit. */
public final class HouseholdRequests {

    // [\s\S] rather than (?s).: the same in Java and valid ECMA-262, so the document's pattern works in clients too.
    private static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";

    private HouseholdRequests() {
    }

    @Schema(name = "CreateHouseholdRequest")
    public record Create(
            @NotNull @Size(min = 1, max = 50) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            @Schema(example = "12-3") String label,
            @NotNull @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String head,
            @Size(max = 30) List<@NotNull @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String> members,
            @Size(max = 32) @Schema(description = "Stored in E.164") String phone) {
    }

    /** Absent fields stay as they are; {@code phone: ""} removes the phone. */
    @Schema(name = "UpdateHouseholdRequest")
    public record Update(
            @Size(min = 1, max = 50) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String label,
            @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String head,
            @Size(max = 30) List<@NotNull @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String> members,
            @Size(max = 32) @Schema(description = "Stored in E.164; an empty string removes it") String phone) {
    }

    @Schema(name = "IssuePassRequest")
    public record IssuePass(
            @Min(1) @Max(366) @Schema(description = "Days the pass is valid; default 90") Integer validDays) {
    }

    @Schema(name = "SetOutingLimitRequest")
    public record SetOutingLimit(
            @NotNull @Min(1) @Max(100) @Schema(description = "Outings per household in each period") Integer outings,
            @NotNull @Min(1) @Max(60) @Schema(description = "Length of a period in local days") Integer days) {
    }
}
