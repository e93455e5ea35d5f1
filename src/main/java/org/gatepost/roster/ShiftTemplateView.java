package org.gatepost.roster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One shift of a village's day plan, as sent and shown: local clock times, "24:00" for midnight at the end. */
public record ShiftTemplateView(
        @NotBlank @Size(max = 50) @Schema(example = "早班") String name,
        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a clock time HH:mm")
        @Schema(example = "06:00") String start,
        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00", message = "must be a clock time HH:mm (24:00 for midnight)")
        @Schema(example = "12:00") String end,
        @NotNull @Min(1) @Max(50) @Schema(example = "2") Integer minStaff) {
}
