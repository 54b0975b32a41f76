package org.coloc.inventory.boundary;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** A record's representation with the ETag of its version: what every read and write answers. */
public record Versioned<V>(V view, long id, long version) {

    public Response ok() {
        return Response.ok(view).tag(new EntityTag(Long.toString(version))).build();
    }

    public Response created(String collection) {
        return Response.created(URI.create("/api/" + collection + "/" + id)).entity(view)
                .tag(new EntityTag(Long.toString(version))).build();
    }
}
