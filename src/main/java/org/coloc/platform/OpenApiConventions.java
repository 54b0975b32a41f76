package org.coloc.platform;

import jakarta.ws.rs.ApplicationPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coloc.inventory.boundary.HostsResource;
import org.coloc.inventory.boundary.MembersResource;
import org.coloc.inventory.boundary.VirtualMachinesResource;
import org.coloc.maintenance.boundary.MaintenancesResource;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds to every operation of the API what follows from the API's own rules, so the resources do not repeat it
 * endpoint by endpoint: its tag (the resource, i.e. the first segment of its path), the problem responses every
 * endpoint of that shape can give (see {@link #problemsOf}), and the 304 of a GET that reads If-None-Match (a
 * conditional GET, see {@code ConditionalGet}). An operation that documents a status itself (a 409 with its own
 * reason, a 403 for API tokens) keeps its own description.
 */
public class OpenApiConventions implements OASFilter {

    private static final String API_PREFIX = "/" + RestApplication.class.getAnnotation(ApplicationPath.class).value() + "/";

    /**
     * The kinds of records whose list/read/create/replace/patch/delete endpoints are inherited from
     * {@code RecordResource} (see {@link RecordApi}), described here since their resources declare none of them.
     */
    private static final List<RecordApi> RECORDS = List.of(
            RecordApi.of(MembersResource.class, "a member", "MemberView")
                    .listing("List members", "Filters: status (active, former), language (fr, en), q (in name, "
                            + "e-mail, project). sort: displayName, email, joined, status, created, updated, id; "
                            + "'-' for descending.", "status", "language", "q")
                    .deleting("Delete a member who owns no VM (If-Match: its ETag)"),
            RecordApi.of(HostsResource.class, "a host", "HostView")
                    .listing("List hosts", "Filters: status (active, maintenance, retired), q (in name, model, "
                            + "notes). sort: name, status, cores, memoryMiB, storageGiB, created, updated, id; '-' "
                            + "for descending.", "status", "q")
                    .deleting("Delete a host that carries no VM (If-Match: its ETag)"),
            RecordApi.of(VirtualMachinesResource.class, "a VM", "VmView")
                    .listing("List VMs", "Filters: host (id), owner (member id), status (requested, provisioning, "
                            + "active, suspended, decommissioned), os (alpine, debian), q (in name, hostname, notes, "
                            + "domains). sort: name, hostname, os, status, vcpus, memoryMiB, diskGiB, host, owner, "
                            + "created, updated, id; '-' for descending.", "host", "owner", "status", "os", "q"),
            RecordApi.of(MaintenancesResource.class, "a maintenance", "MaintenanceView")
                    .listing("List maintenances", "Filters: state (draft, announced, in-progress, completed, "
                            + "cancelled), q (in the titles). sort: start, title, state, created, updated, id; '-' "
                            + "for descending.", "state", "q")
                    .with(new RecordApi.Texts("Plan a maintenance (a draft: nobody is told yet)",
                            "Replace a maintenance (If-Match: its ETag); once announced, a new window or text is "
                            + "mailed", "Change some fields (JSON merge patch; If-Match: its ETag)", "Once announced: "
                            + "a new start, end or time zone sends a 'rescheduled' notice, a new text an 'updated' "
                            + "one, each with the calendar SEQUENCE + 1; what it affects no longer changes (409). "
                            + "Completed or cancelled: 409.", "Delete a draft (If-Match: its ETag); others are "
                            + "cancelled instead", false)));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        RECORDS.forEach(records -> records.addTo(openAPI));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            List<Parameter> shared = path.getValue().getParameters();
            for (Operation operation : path.getValue().getOperations().values()) {
                List<Parameter> parameters = new ArrayList<>(shared == null ? List.of() : shared);
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                boolean takesInput = !parameters.isEmpty() || operation.getRequestBody() != null;
                addProblems(operation, problemsOf(path.getKey(), takesInput, header(parameters, "If-Match")));
                if (header(parameters, "If-None-Match")) {
                    addResponse(operation, "304", OASFactory.createAPIResponse()
                            .description("If-None-Match names the current ETag"));
                }
                tag(openAPI, operation, resourceOf(path.getKey()));
            }
        }
    }

    /**
     * The problem responses (status → name of the response in the components, see {@link RestApplication}) of
     * an operation on this path: 400 when it takes input, 401 always but under {@code /api/public/} (every other
     * resource requires a caller), 404
     * when its path names a record, 412 when it checks If-Match.
     */
    static Map<String, String> problemsOf(String path, boolean takesInput, boolean ifMatch) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (takesInput) {
            problems.put("400", "BadRequest");
        }
        if (!path.startsWith(API_PREFIX + "public/")) {
            // the public list of maintenances asks for no login
            problems.put("401", "Unauthorized");
        }
        if (path.contains("{")) {
            problems.put("404", "NotFound");
        }
        if (ifMatch) {
            problems.put("412", "PreconditionFailed");
        }
        return problems;
    }

    /** The resource a path belongs to: its first segment below the API's root. */
    static String resourceOf(String path) {
        String below = path.startsWith(API_PREFIX) ? path.substring(API_PREFIX.length()) : path.replaceFirst("^/", "");
        int slash = below.indexOf('/');
        return slash < 0 ? below : below.substring(0, slash);
    }

    private static boolean header(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void addProblems(Operation operation, Map<String, String> problems) {
        problems.forEach((status, name) -> addResponse(operation, status, OASFactory.createAPIResponse().ref(name)));
    }

    /** Unless the operation documents this status itself. */
    private static void addResponse(Operation operation, String status, APIResponse response) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, response);
        }
    }

    private static void tag(OpenAPI openAPI, Operation operation, String resource) {
        if (operation.getTags() == null || !operation.getTags().contains(resource)) {
            operation.addTag(resource);
        }
        if (openAPI.getTags() == null || openAPI.getTags().stream().noneMatch(t -> resource.equals(t.getName()))) {
            openAPI.addTag(OASFactory.createTag().name(resource));
        }
    }
}
