package org.gatepost.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.gatepost.common.ClearableId;
import jakarta.validation.constraints.Size;

/**
 * Changes to an account; absent fields stay as they are. {@code "teamId": null} takes a
 * volunteer out of their team.
 */
public record UpdateAccountRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String name,
        @Size(min = 8, max = 72) String password,
        Boolean active,
        @JsonDeserialize(using = ClearableId.class) Optional<UUID> teamId) {
}
