package org.gatepost.account;

import java.util.UUID;

import org.gatepost.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team as the API shows it, with how many active members it has. */
public record TeamView(UUID id, String name, UUID villageId, @Schema(nullable = true) UUID leaderId, boolean active, long members, long version)
        implements Versioned {
}
