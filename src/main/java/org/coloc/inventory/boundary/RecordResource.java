package org.coloc.inventory.boundary;

import jakarta.enterprise.inject.Vetoed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.coloc.platform.CallerAware;
import org.coloc.platform.ListRequest;
import org.coloc.platform.MediaTypes;
import org.coloc.platform.Page;

/**
 * The six endpoints every kind of record has (list, read, create, replace, merge patch, delete), written once over
 * {@link Records}, the one write path. A resource says only its path and what else it offers; its list's filters
 * are its {@code Records}' own.
 */
// Not a bean itself (CDI, and Jersey through it, would try to make one of this abstract class and warn). The
// servlet container still hands it to Jersey, which says once at start it "cannot be instantiated": that one
// logger is quieted in server-config/logging.properties.
@Vetoed
public abstract class RecordResource<V> extends CallerAware {

    /** The records this resource serves (an EJB: each call is its own transaction). */
    protected abstract Records<?, ?, V> records();

    @GET
    public Page<V> list(@Context UriInfo uri) {
        return records().list(ListRequest.of(uri.getQueryParameters()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return records().get(records().idOf(id)).ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        return records().create(body, actor()).created(getClass().getAnnotation(Path.class).value());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return records().replace(records().idOf(id), body, ifMatch, actor()).ok();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return records().patch(records().idOf(id), body, ifMatch, actor()).ok();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        records().delete(records().idOf(id), ifMatch, actor());
        return Response.noContent().build();
    }
}
