package org.gatepost.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details: the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "urn:gatepost:problem:invalid-input") String type,
        @Schema(example = "Invalid input") String title,
        @Schema(example = "400") int status,
        @Schema(example = "name: must not be blank") String detail,
        @Schema(description = "For invalid input: each field or rule that was broken") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken field or rule. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "name") String field, @Schema(example = "must not be blank") String message) {
    }
}
