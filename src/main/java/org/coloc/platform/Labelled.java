package org.coloc.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum shown by the API and stored as a label ("waiting-admin", "auto-reply", "certificate-report"…) rather
 * than as its Java name, so the strings columns and filters always held keep working. The label is the
 * constant's name in lower case with hyphens ({@code WAITING_ADMIN} is "waiting-admin"): a constant is not
 * renamed without a migration of the rows that hold it (each enum's test pins its labels).
 */
public interface Labelled {

    /** The enum constant's name (every enum has it). */
    String name();

    /** The name used in the API and the database. */
    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} with exactly this label; empty for none (null included). */
    static <E extends Enum<E> & Labelled> Optional<E> find(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(label)).findFirst();
    }

    /** The constant of {@code type} with this label in any case; an IllegalArgumentException for none. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equalsIgnoreCase(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + label));
    }
}
