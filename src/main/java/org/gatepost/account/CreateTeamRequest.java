package org.gatepost.account;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new team of a village; the leader, if named, is a volunteer of that village and joins the team. */
public record CreateTeamRequest(@NotBlank @Size(max = 100) String name, @NotNull UUID villageId, UUID leaderId) {
}
