package org.coloc.inventory.control;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.coloc.inventory.entity.HostFields;
import org.coloc.inventory.entity.MemberFields;
import org.coloc.inventory.entity.VmDomain;
import org.coloc.inventory.entity.VmFields;
import org.coloc.platform.JsonInput;
import org.coloc.platform.Validators;

/**
 * Reads and validates the JSON of members, hosts and VMs (POST and PUT bodies, and PATCHed representations).
 * Every bad field is reported at once; nothing reaches the database unless all is valid. Pure code.
 */
public final class RecordInputs {

    /** Read-only fields a client may send back unchanged after a GET (and that a PATCH sees in the view). */
    static final Set<String> READ_ONLY = Set.of("emailFailing", "id", "created", "updated", "capacity", "vmCount", "overcommitted");

    public static final Set<String> MEMBER_STATUSES = Set.of("active", "former");
    public static final Set<String> LANGUAGES = Set.of("fr", "en");
    public static final Set<String> HOST_STATUSES = Set.of("active", "maintenance", "retired");
    public static final Set<String> VM_STATUSES = Set.of("requested", "provisioning", "active", "suspended",
            "decommissioned");
    public static final Set<String> OPERATING_SYSTEMS = Set.of("alpine", "debian");

    private static final String TWICE = "appears twice";
    private static final int NOTES = 10_000;
    private static final long MAX_MIB = 64L * 1024 * 1024;
    private static final long MAX_GIB = 1024L * 1024;

    private RecordInputs() {
    }

    public static MemberFields member(JsonValue body, LocalDate today) {
        JsonInput in = JsonInput.of(body, Set.of("displayName", "email", "otherEmails", "project", "language", "notes",
                "joined", "status", "monthlyPledge"), READ_ONLY);
        String displayName = in.string("displayName", true, 200);
        String email = in.string("email", true, 254);
        if (email != null && Validators.email(email) != null) {
            in.error("email", Validators.email(email));
        }
        Set<String> seen = new HashSet<>();
        if (email != null) {
            seen.add(email.toLowerCase(Locale.ROOT));
        }
        List<String> others = in.strings("otherEmails", 20, 254,
                once(Validators::email, s -> s.toLowerCase(Locale.ROOT), seen, "repeats an address of this member"));
        String project = in.string("project", false, 200);
        String language = in.oneOf("language", LANGUAGES, "fr");
        String notes = in.string("notes", false, NOTES);
        // absent or null: today; present, it must be a date (an empty string must not become a null NOT NULL column)
        LocalDate joined = in.present("joined") ? in.date("joined", true) : today;
        String status = in.oneOf("status", MEMBER_STATUSES, "active");
        BigDecimal pledge = in.decimal("monthlyPledge", BigDecimal.ZERO, new BigDecimal("100000"));
        in.check();
        return new MemberFields(displayName, email, others, project, language, notes, joined, status, pledge);
    }

    public static HostFields host(JsonValue body) {
        JsonInput in = JsonInput.of(body, Set.of("name", "model", "rackPosition", "cores", "memoryMiB", "storageGiB",
                "status", "notes"), READ_ONLY);
        String name = name(in);
        String model = in.string("model", false, 200);
        String rack = in.string("rackPosition", false, 50);
        Long cores = in.whole("cores", true, 1, 4096);
        Long memory = in.whole("memoryMiB", true, 1, MAX_MIB);
        Long storage = in.whole("storageGiB", true, 1, MAX_GIB);
        String status = in.oneOf("status", HOST_STATUSES, "active");
        String notes = in.string("notes", false, NOTES);
        in.check();
        return new HostFields(name, model, rack, cores.intValue(), memory, storage, status, notes);
    }

    public static VmFields vm(JsonValue body) {
        JsonInput in = JsonInput.of(body, Set.of("name", "hostname", "os", "osVersion", "vcpus", "memoryMiB", "diskGiB",
                "host", "owner", "ipv4", "ipv6", "domains", "status", "notes", "caseNumber"), READ_ONLY);
        String name = name(in);
        String hostname = in.string("hostname", false, 253);
        if (hostname != null && Validators.hostname(hostname) != null) {
            in.error("hostname", Validators.hostname(hostname));
        }
        String os = in.oneOf("os", OPERATING_SYSTEMS, null);
        String osVersion = in.string("osVersion", false, 50);
        Long vcpus = in.whole("vcpus", true, 1, 1024);
        Long memory = in.whole("memoryMiB", true, 1, MAX_MIB);
        Long disk = in.whole("diskGiB", true, 1, MAX_GIB);
        Long host = in.whole("host", false, 1, Long.MAX_VALUE);
        Long owner = in.whole("owner", false, 1, Long.MAX_VALUE);
        List<String> ipv4 = in.strings("ipv4", 32, 15, once(Validators::ipv4, s -> s, new HashSet<>(), TWICE));
        List<String> ipv6 = in.strings("ipv6", 32, 45, once(Validators::ipv6, RecordInputs::canonicalIpv6,
                new HashSet<>(), TWICE)).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Set<String> domainNames = new HashSet<>();
        List<VmDomain> domains = in.objects("domains", 50, Set.of("name", "certificateExpires"), d -> {
            String dn = d.string("name", true, 253);
            if (dn != null && Validators.domain(dn) != null) {
                d.error("name", Validators.domain(dn));
                dn = null;
            }
            LocalDate expires = d.date("certificateExpires", false);
            if (dn != null && !domainNames.add(dn.toLowerCase(Locale.ROOT))) {
                d.itemError(TWICE);
                dn = null;
            }
            return dn == null ? null : new VmDomain(dn.toLowerCase(Locale.ROOT), expires);
        });
        String status = in.oneOf("status", VM_STATUSES, "requested");
        String notes = in.string("notes", false, NOTES);
        Long caseNumber = in.whole("caseNumber", false, 1, Long.MAX_VALUE);
        in.check();
        return new VmFields(name, hostname, os, osVersion, vcpus.intValue(), memory, disk, host, owner, ipv4, ipv6,
                domains, status, notes, caseNumber);
    }

    private static String name(JsonInput in) {
        String name = in.string("name", true, 63);
        if (name != null && Validators.recordName(name) != null) {
            in.error("name", Validators.recordName(name));
            return null;
        }
        return name;
    }

    /**
     * A list item check that also refuses an item whose {@code key} was seen before (in {@code seen}). Checked item
     * by item as the list is read, so that a repetition is named at its own position even when an earlier item
     * was invalid and left out.
     */
    private static Function<String, String> once(Function<String, String> check, Function<String, String> key,
            Set<String> seen, String repeated) {
        return s -> {
            String problem = check.apply(s);
            return problem != null ? problem : seen.add(key.apply(s)) ? null : repeated;
        };
    }

    /** The same IPv6 address written two ways ({@code ::1}, {@code 0:0::1}) has one canonical form. */
    private static String canonicalIpv6(String valid) {
        try {
            return InetAddress.getByName(valid).getHostAddress();
        } catch (UnknownHostException e) {
            return valid.toLowerCase(Locale.ROOT);
        }
    }
}
