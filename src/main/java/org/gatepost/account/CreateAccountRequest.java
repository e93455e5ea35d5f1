package org.gatepost.account;

import java.util.UUID;

import org.gatepost.caller.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new account. Officials live at a county or township, cadres and volunteers at a village. */
public record CreateAccountRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 32) String phone,
        @NotNull @Size(min = 8, max = 72) String password,
        @NotNull Role role,
        UUID placeId,
        UUID teamId) {
}
