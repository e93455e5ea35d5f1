package org.gatepost.account;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gatepost.caller.Role;
import org.gatepost.common.Versioned;

/** An account as the API shows it; never its password hash. */
public record AccountView(
        UUID id,
        String name,
        @Schema(description = "In E.164, whole to the account itself, admins and the cadre of its village; otherwise only the last four digits, as *** 5678")
        String phone,
        Role role,
        @Schema(nullable = true) UUID placeId,
        @Schema(nullable = true) UUID teamId,
        boolean active,
        long version) implements Versioned {

    static AccountView of(Account account, boolean showPhone) {
        return new AccountView(account.id, account.name, showPhone ? account.phone : Phones.mask(account.phone),
                account.role, account.placeId, account.teamId, account.active, account.version);
    }
}
