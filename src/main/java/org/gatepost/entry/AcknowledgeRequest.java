package org.gatepost.entry;

import jakarta.validation.constraints.Size;

/** What the cadre did about an alert. */
public record AcknowledgeRequest(@Size(max = 500) String note) {
}
