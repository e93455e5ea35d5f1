package org.gatepost.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Sign-in with phone number and password. */
public record LoginRequest(@NotBlank @Size(max = 32) String phone, @NotBlank @Size(max = 200) String password) {
}
