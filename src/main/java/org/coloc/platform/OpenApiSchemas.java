package org.coloc.platform;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coloc.cases.boundary.CaseSummary;
import org.coloc.cases.boundary.CaseView;
import org.coloc.comments.boundary.CommentView;
import org.coloc.comments.boundary.PostView;
import org.coloc.comments.control.CommentExport;
import org.coloc.inventory.boundary.CertificateView;
import org.coloc.inventory.boundary.HostView;
import org.coloc.inventory.boundary.MemberView;
import org.coloc.inventory.boundary.VmView;
import org.coloc.intake.boundary.MessageDetail;
import org.coloc.intake.boundary.MessageSummary;
import org.coloc.maintenance.boundary.MaintenanceView;
import org.coloc.outbox.boundary.OutboxMailView;
import org.coloc.platform.changes.ChangeView;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Describes the API's JSON records in OpenAPI, straight from the record classes (Payara's annotation scanner
 * does not resolve records given as {@code @Schema(implementation=…)}), so the description cannot drift from
 * the code. Resources refer to these schemas by name; lists get a {@code <Name>Page} envelope.
 */
public class OpenApiSchemas implements OASModelReader {

    private static final List<Class<? extends Record>> RECORDS = List.of(MemberView.class, HostView.class,
            VmView.class, CertificateView.class, ChangeView.class, MessageSummary.class, MessageDetail.class,
            CaseSummary.class, CaseView.class, OutboxMailView.class, MaintenanceView.class, Problem.class,
            PostView.class, CommentView.class, CommentExport.class);
    private static final List<Class<? extends Record>> PAGED = List.of(MemberView.class, HostView.class,
            VmView.class, ChangeView.class, MessageSummary.class, CaseSummary.class, OutboxMailView.class,
            MaintenanceView.class, PostView.class, CommentView.class);

    @Override
    public OpenAPI buildModel() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Class<? extends Record> type : RECORDS) {
            describe(type, schemas);
        }
        for (Class<? extends Record> type : PAGED) {
            schemas.put(type.getSimpleName() + "Page", OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                    .addProperty("items", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                            .items(ref(type.getSimpleName())))
                    .addProperty("total", integer())
                    .addProperty("offset", integer())
                    .addProperty("limit", integer()));
        }
        return OASFactory.createOpenAPI().components(OASFactory.createComponents().schemas(schemas));
    }

    private static void describe(Class<?> type, Map<String, Schema> schemas) {
        String name = type.getSimpleName();
        if (schemas.containsKey(name)) {
            return;
        }
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        schemas.put(name, schema);
        for (RecordComponent c : type.getRecordComponents()) {
            schema.addProperty(c.getName(), schemaOf(c.getGenericType(), schemas));
        }
    }

    private static Schema schemaOf(Type type, Map<String, Schema> schemas) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(schemaOf(p.getActualTypeArguments()[0], schemas));
            }
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        }
        if (!(type instanceof Class<?> c)) {
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        }
        if (c == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return integer();
        }
        if (c == boolean.class || c == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (c == BigDecimal.class || c == double.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (c == LocalDate.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date");
        }
        if (c == Instant.class || c == java.time.OffsetDateTime.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (c.isRecord()) {
            describe(c, schemas);
            return ref(c.getSimpleName());
        }
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }

    private static Schema integer() {
        return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}
