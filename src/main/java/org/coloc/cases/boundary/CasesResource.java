package org.coloc.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.coloc.cases.entity.CaseState;
import org.coloc.platform.CallerAware;
import org.coloc.platform.Ids;
import org.coloc.platform.JsonBodies;
import org.coloc.platform.JsonInput;
import org.coloc.platform.MediaTypes;
import org.coloc.platform.Page;
import org.coloc.platform.Paging;
import org.coloc.platform.Roles;
import org.coloc.platform.Validators;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The admin's inbox: cases by their number, with their threads; reply, note, state, links. */
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.API})
public class CasesResource extends CallerAware {

    private static final Set<String> STATES = Set.of("new", "waiting-admin", "waiting-requester", "closed");

    @EJB
    Cases cases;

    @GET
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseSummaryPage")))
    @Operation(summary = "Cases, most recently active first", description = "state: new, waiting-admin, "
            + "waiting-requester, closed; requester: an address; maintenance: a maintenance id (the cases answering "
            + "its notices); q: in subject and requester; mail: a received mail's id (the case it went to)")
    public Page<CaseSummary> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("state") String state, @QueryParam("requester") String requester,
            @QueryParam("maintenance") String maintenance, @QueryParam("q") String q,
            @QueryParam("mail") String mail) {
        return cases.list(Paging.of(offset, limit), state, requester, maintenance, q, mail);
    }

    @GET
    @Path("counts")
    @Operation(summary = "How many cases of each state match the filters (one query: what the inbox shows)",
            description = "requester, maintenance, q, mail: as for the list; every state is named, 0 included")
    public Map<String, Long> counts(@QueryParam("requester") String requester,
            @QueryParam("maintenance") String maintenance, @QueryParam("q") String q, @QueryParam("mail") String mail) {
        return cases.countsByState(requester, maintenance, q, mail);
    }

    @GET
    @Path("{number}")
    @Operation(summary = "One case with its whole thread")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseView")))
    public CaseView get(@PathParam("number") String number) {
        return cases.get(Ids.parse("case", number));
    }

    @POST
    @Path("{number}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the requester and participants by mail ({\"text\": …}); the case then waits for them")
    @APIResponse(responseCode = "201", description = "the case with the reply in its thread",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseView")))
    @APIResponse(responseCode = "409", description = "the case has no address a reply could be sent to")
    public Response reply(@PathParam("number") String number, String body) {
        return Response.status(201).entity(cases.reply(Ids.parse("case", number), text(body), actor())).build();
    }

    @POST
    @Path("{number}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an internal note ({\"text\": …}); nobody is mailed")
    @APIResponse(responseCode = "201", description = "the case with the note in its thread",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseView")))
    public Response note(@PathParam("number") String number, String body) {
        return Response.status(201).entity(cases.note(Ids.parse("case", number), text(body), actor())).build();
    }

    @PATCH
    @Path("{number}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change the state and/or the linked member and VM ({\"state\", \"member\", \"vm\"})")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseView")))
    public CaseView change(@PathParam("number") String number, String body) {
        JsonValue patch = JsonBodies.parse(body);
        JsonInput in = JsonInput.of(patch, Set.of("state", "member", "vm"), Set.of());
        String state = in.present("state") ? in.oneOf("state", STATES, null) : null;
        // a merge patch: a link left out stays as it is, null removes it ({"vm": null} unlinks the VM only)
        boolean memberGiven = given(patch, "member");
        boolean vmGiven = given(patch, "vm");
        Long member = in.whole("member", false, 1, Long.MAX_VALUE);
        Long vm = in.whole("vm", false, 1, Long.MAX_VALUE);
        in.check();
        return cases.change(Ids.parse("case", number), state == null ? null : CaseState.fromLabel(state), member,
                memberGiven, vm, vmGiven);
    }

    /** The patch names this field, with a value or null (JsonInput.present says false for null). */
    private static boolean given(JsonValue patch, String field) {
        return patch instanceof JsonObject o && o.containsKey(field);
    }

    @POST
    @Path("{number}/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a participant ({\"email\": …}): the admin's replies will go there too")
    @APIResponse(responseCode = "201", description = "the case with its participants",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseView")))
    @APIResponse(responseCode = "409", description = "the case has reached its limit of participants")
    public Response addParticipant(@PathParam("number") String number, String body) {
        JsonInput in = JsonInput.of(JsonBodies.parse(body), Set.of("email"), Set.of());
        String email = in.string("email", true, 254);
        if (email != null && Validators.email(email.strip()) != null) {
            in.error("email", Validators.email(email.strip()));
        }
        in.check();
        return Response.status(201).entity(cases.addParticipant(Ids.parse("case", number), email, actor())).build();
    }

    @DELETE
    @Path("{number}/participants/{email}")
    @Operation(summary = "Remove a participant: the admin's replies no longer go there (the requester stays)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseView")))
    @APIResponse(responseCode = "409", description = "the requester cannot be removed")
    public CaseView removeParticipant(@PathParam("number") String number, @PathParam("email") String email) {
        return cases.removeParticipant(Ids.parse("case", number), email, actor());
    }

    private static String text(String body) {
        JsonInput in = JsonInput.of(JsonBodies.parse(body), Set.of("text"), Set.of());
        String text = in.string("text", true, 100_000);
        in.check();
        return text;
    }
}
