package org.coloc.inventory.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.coloc.platform.JsonSupport;

/** A VM's addresses and domains as one JSON text, the row-local copy that reads use. Pure code. */
final class NetworkJson {

    /** Fits Derby's largest VARCHAR; the input limits (32 + 32 addresses, 50 domains) keep below it. */
    static final int MAX_LENGTH = 32_672;

    record Network(List<String> ipv4, List<String> ipv6, List<VmDomain> domains) {
    }

    private NetworkJson() {
    }

    static String write(List<String> ipv4, List<String> ipv6, List<VmDomain> domains) {
        JsonArrayBuilder d = JsonSupport.JSON.createArrayBuilder();
        for (VmDomain domain : domains) {
            var o = JsonSupport.JSON.createObjectBuilder().add("name", domain.getName());
            if (domain.getCertificateExpires() != null) {
                o.add("certificateExpires", domain.getCertificateExpires().toString());
            }
            d.add(o);
        }
        return JsonSupport.JSON.createObjectBuilder()
                .add("ipv4", JsonSupport.JSON.createArrayBuilder(ipv4))
                .add("ipv6", JsonSupport.JSON.createArrayBuilder(ipv6))
                .add("domains", d)
                .build().toString();
    }

    static Network read(String json) {
        if (json == null || json.isEmpty()) {
            return new Network(List.of(), List.of(), List.of());
        }
        try (JsonReader r = JsonSupport.JSON.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            List<VmDomain> domains = o.getJsonArray("domains").getValuesAs(JsonObject.class).stream()
                    .map(d -> new VmDomain(d.getString("name"), d.containsKey("certificateExpires")
                            && d.get("certificateExpires").getValueType() != JsonValue.ValueType.NULL
                            ? LocalDate.parse(d.getString("certificateExpires")) : null))
                    .toList();
            return new Network(strings(o, "ipv4"), strings(o, "ipv6"), domains);
        }
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
