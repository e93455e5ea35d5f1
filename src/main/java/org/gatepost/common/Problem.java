package org.gatepost.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details: the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(required = true, example = "urn:gatepost:problem:invalid-input",
                description = "What kind of problem: urn:gatepost:problem:..., or about:blank") String type,
        @Schema(required = true, example = "Invalid input") String title,
        @Schema(required = true, example = "400") int status,
        @Schema(example = "name: must not be blank") String detail,
        @Schema(description = "For invalid input: each field or rule that was broken") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken field or rule. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(required = true, example = "name") String field,
                             @Schema(required = true, example = "must not be blank") String message) {
    }
}
