package org.gatepost.common;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every successful answer that is one {@link Versioned} resource its version as ETag. */
public class VersionTag {

    @ServerResponseFilter
    public void tag(ContainerResponseContext response) {
        if (response.getEntity() instanceof Versioned versioned && response.getStatus() < 300
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, "\"" + versioned.version() + "\"");
        }
    }
}
