package org.coloc.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The OpenAPI description of the six endpoints a kind of record inherits from {@code RecordResource} (list,
 * read, create, replace, merge patch, delete). Payara's scanner documents only the methods a resource class declares
 * itself, so {@link OpenApiConventions} adds these from its list of {@code RecordApi}s; the problem responses
 * and tags then follow by the same rules as everywhere else.
 *
 * @param path the resource's path below the API root, e.g. {@code members}
 * @param one how the summaries name one record, e.g. {@code "a member"}
 * @param schema the name of its view in the components, e.g. {@code MemberView}
 */
public record RecordApi(String path, String one, String schema, Texts texts, Listing listing) {

    /**
     * How its list reads: a summary, the filters and sort keys in words, and the filters' names (the query
     * parameters besides offset, limit and sort).
     */
    public record Listing(String summary, String description, List<String> filters) {
    }

    /** Summaries (and descriptions) where the generic one says too little; null keeps the generic one. */
    public record Texts(String create, String replace, String patch, String patchDescription, String delete,
            boolean createConflicts) {
    }

    /** The generic texts: creating one may collide with another (409), e.g. by name or address. */
    public static RecordApi of(Class<?> resource, String one, String schema) {
        return new RecordApi(resource.getAnnotation(Path.class).value(), one, schema,
                new Texts(null, null, null, null, null, true), null);
    }

    public RecordApi with(Texts texts) {
        return new RecordApi(path, one, schema, texts, listing);
    }

    /** With its list: a summary, what the filters and sort keys are, and the filters' names. */
    public RecordApi listing(String summary, String description, String... filters) {
        return new RecordApi(path, one, schema, texts, new Listing(summary, description, List.of(filters)));
    }

    /** With a summary for delete that says when a record cannot be deleted. */
    public RecordApi deleting(String summary) {
        return with(new Texts(texts.create, texts.replace, texts.patch, texts.patchDescription, summary,
                texts.createConflicts));
    }

    private static final String ROOT = "/" + RestApplication.class.getAnnotation(ApplicationPath.class).value() + "/";
    private static final String JSON = "application/json";

    /** Adds the six operations to the description. */
    void addTo(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        PathItem all = pathItem(openAPI, ROOT + path);
        PathItem each = pathItem(openAPI, ROOT + path + "/{id}");
        List<Parameter> query = new java.util.ArrayList<>();
        java.util.stream.Stream.of(List.of("offset", "limit"), listing.filters(), List.of("sort"))
                .flatMap(List::stream).forEach(name -> query.add(queryParameter(name)));
        all.setGET(operation(listing.summary(), listing.description(), query)
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("one page").content(OASFactory.createContent().addMediaType(JSON,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema + "Page")))))));
        all.setPOST(operation(or(texts.create, "Create " + one), null, List.of())
                .requestBody(OASFactory.createRequestBody().content(json()))
                .responses(responses("201", texts.createConflicts)));
        each.setGET(operation(or(null, cap(one) + "; the ETag is its version"), null, List.of(id()))
                .responses(responses("200", false)));
        each.setPUT(operation(or(texts.replace, "Replace " + one + " (If-Match: its ETag)"), null,
                List.of(id(), ifMatch())).requestBody(OASFactory.createRequestBody().content(json()))
                .responses(responses("200", true)));
        each.setPATCH(operation(or(texts.patch, "Change some fields of " + one
                + " (JSON merge patch; If-Match: its ETag)"), texts.patchDescription, List.of(id(), ifMatch()))
                .requestBody(OASFactory.createRequestBody().content(json().addMediaType(MediaTypes.MERGE_PATCH,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema)))))
                .responses(responses("200", true)));
        each.setDELETE(operation(or(texts.delete, "Delete " + one + " (If-Match: its ETag)"), null,
                List.of(id(), ifMatch())).responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description("deleted"))
                        .addAPIResponse("409", OASFactory.createAPIResponse().ref("Conflict"))));
    }

    private static PathItem pathItem(OpenAPI openAPI, String key) {
        PathItem item = openAPI.getPaths().getPathItem(key);
        if (item == null) {
            item = OASFactory.createPathItem();
            openAPI.getPaths().addPathItem(key, item);
        }
        return item;
    }

    private static Operation operation(String summary, String description, List<Parameter> parameters) {
        return OASFactory.createOperation().summary(summary).description(description)
                .parameters(parameters.isEmpty() ? null : parameters);
    }

    private org.eclipse.microprofile.openapi.models.responses.APIResponses responses(String status, boolean conflicts) {
        var responses = OASFactory.createAPIResponses().addAPIResponse(status,
                OASFactory.createAPIResponse().description("the" + one.substring(one.indexOf(' '))).content(json()));
        return conflicts ? responses.addAPIResponse("409", OASFactory.createAPIResponse().ref("Conflict")) : responses;
    }

    private Content json() {
        return OASFactory.createContent().addMediaType(JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema)));
    }

    private static Parameter id() {
        return OASFactory.createParameter().name("id").in(Parameter.In.PATH).required(true)
                .schema(OASFactory.createSchema().type(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
    }

    private static Parameter queryParameter(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY)
                .schema(OASFactory.createSchema().type(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
    }

    private static Parameter ifMatch() {
        return OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                .schema(OASFactory.createSchema().type(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
    }

    private static String or(String given, String generic) {
        return given == null ? generic : given;
    }

    private static String cap(String one) {
        // "a member" → "One member"
        return "One" + one.substring(one.indexOf(' '));
    }
}
