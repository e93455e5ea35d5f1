package org.gatepost.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.gatepost.common.ClearableId;
import jakarta.validation.constraints.Size;

/** Changes to a team; absent fields stay. {@code "leaderId": null} leaves the team without a leader. */
public record UpdateTeamRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String name,
        @JsonDeserialize(using = ClearableId.class) Optional<UUID> leaderId,
        Boolean active) {
}
