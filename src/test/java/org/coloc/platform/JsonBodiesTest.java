package org.coloc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

    public record Address(String city, String zip) {
    }

    public record View(long id, String name, String notes, List<String> tags, Address address, LocalDate since) {
    }

    private static final View CURRENT = new View(4, "web-1", "old notes", List.of("a", "b"), new Address("Lyon", "69001"),
            LocalDate.of(2024, 2, 29));

    private static JsonObject object(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static JsonObject patch(String patch) {
        return JsonBodies.mergePatch(CURRENT, patch.replace('\'', '"')).asJsonObject();
    }

    @Test
    void aRecordIsShownWithDatesAsIsoTextAndNullsLeftOut() {
        assertEquals(object("{'id':4,'name':'web-1','notes':'old notes','tags':['a','b'],"
                + "'address':{'city':'Lyon','zip':'69001'},'since':'2024-02-29'}"), JsonBodies.toJson(CURRENT));
        assertFalse(JsonBodies.toJson(new View(1, "x", null, List.of(), null, null)).containsKey("notes"));
    }

    @Test
    void emptyPatchChangesNothing() {
        assertEquals(JsonBodies.toJson(CURRENT), patch("{}"));
    }

    @Test
    void patchReplacesOnlyTheFieldsItNames() {
        JsonObject r = patch("{'name':'web-2'}");
        assertEquals("web-2", r.getString("name"));
        assertEquals("old notes", r.getString("notes"));
        assertEquals(4, r.getInt("id"));
    }

    @Test
    void nullRemovesAField() {
        JsonObject r = patch("{'notes':null}");
        assertFalse(r.containsKey("notes"));
        assertEquals("web-1", r.getString("name"));
    }

    @Test
    void nestedObjectsAreMergedAndListsReplacedWhole() {
        JsonObject r = patch("{'address':{'zip':'69002','country':'FR'},'tags':['c']}");
        assertEquals(object("{'city':'Lyon','zip':'69002','country':'FR'}"), r.getJsonObject("address"));
        assertEquals(Json.createArrayBuilder().add("c").build(), r.getJsonArray("tags"));
        assertEquals(object("{'zip':'69001'}"), patch("{'address':{'city':null}}").getJsonObject("address"));
    }

    @Test
    void anObjectCanReplaceAScalar() {
        assertEquals(object("{'x':1}"), patch("{'name':{'x':1}}").getJsonObject("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"name\":\"x\"}]", "\"name\"", "42", "null", "true"})
    void aPatchThatIsNotAnObjectIsA400(String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonBodies.mergePatch(CURRENT, body));
        assertEquals(List.of(new Problem.FieldError("(body)", "a merge patch must be a JSON object")), e.errors());
        assertEquals(400, e.problem().status());
        assertEquals("(body): a merge patch must be a JSON object", e.problem().detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "nul", "{\"a\" 1}", "[1,2"})
    void malformedJsonIsA400NamingTheBody(String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonBodies.parse(body));
        assertEquals(1, e.errors().size());
        assertEquals("(body)", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().startsWith("is not valid JSON: "), e.errors().get(0).message());
        assertFalse(e.errors().get(0).message().contains("\n"));
        assertThrows(InvalidInputException.class, () -> JsonBodies.mergePatch(CURRENT, body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{\"a\":1} {\"a\":2}", "[1] 2", "{\"a\":1}]"})
    void trailingContentAfterTheValueIsMalformed(String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonBodies.parse(body));
        assertEquals("(body)", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().startsWith("is not valid JSON: "), e.errors().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void emptyBodyIsA400AskingForAnObject(String body) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonBodies.parse(body));
        assertEquals(List.of(new Problem.FieldError("(body)", "is empty; send a JSON object")), e.errors());
        assertThrows(InvalidInputException.class, () -> JsonBodies.parse(null));
    }

    @Test
    void surroundingWhitespaceIsFine() {
        assertEquals(object("{'a':1}"), JsonBodies.parse("\n  {\"a\":1}  \n"));
        assertEquals(JsonValue.ValueType.ARRAY, JsonBodies.parse("[]").getValueType());
    }

    @Test
    void toTextOfNullIsNull() {
        assertNull(JsonBodies.toText(null));
        assertEquals("{\"city\":\"Lyon\",\"zip\":\"1\"}", JsonBodies.toText(new Address("Lyon", "1")));
    }

    @Test
    void problemsSerialiseAsRfc9457WithTheirFieldErrors() {
        Problem p = new InvalidInputException(List.of(new Problem.FieldError("name", "is required"),
                new Problem.FieldError("vcpus", "must be between 1 and 1024"))).problem();
        assertEquals(object("{'type':'about:blank','title':'Bad Request','status':400,"
                + "'detail':'2 fields are invalid; see errors.',"
                + "'errors':[{'field':'name','message':'is required'},"
                + "{'field':'vcpus','message':'must be between 1 and 1024'}]}"),
                Json.createReader(new StringReader(p.toJson())).readObject());
        assertFalse(Json.createReader(new StringReader(ProblemException.notFound("No host 3.").problem().toJson()))
                .readObject().containsKey("errors"));
    }
}
