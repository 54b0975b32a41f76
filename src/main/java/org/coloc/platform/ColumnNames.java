package org.coloc.platform;

import java.util.Locale;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * Our naming rule for columns, so that entities need no {@code @Column(name = …)} when they follow it: a field
 * {@code nextAttemptAt} is the column {@code NEXT_ATTEMPT_AT}. JPA's default would be {@code NEXTATTEMPTAT}, and
 * JPA has no pluggable naming strategy, so EclipseLink's session customizer (set in {@code persistence.xml})
 * renames every column that JPA named by default after all mapping metadata is read. A column named explicitly
 * (one that differs from the field's name, such as {@code references → REFERENCE_IDS}) is left alone; so are
 * the element columns of collection tables, which name the element rather than the field.
 *
 * <p>The schema itself comes from the migrations ({@link SchemaMigrations}): lengths and NOT NULL live there,
 * once, not repeated on the fields.
 */
public class ColumnNames implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping instanceof DirectToFieldMapping direct
                        && direct.getField().getName().equalsIgnoreCase(direct.getAttributeName())) {
                    direct.getField().setName(of(direct.getAttributeName()));
                }
            }
        }
    }

    /**
     * The column of a field: words of the camel-case name joined by underscores, upper case
     * ({@code caseNumber → CASE_NUMBER}, {@code ipv4 → IPV4}). A capital after a capital starts no new word.
     */
    public static String of(String field) {
        StringBuilder column = new StringBuilder(field.length() + 8);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(field.charAt(i - 1))) {
                column.append('_');
            }
            column.append(c);
        }
        return column.toString().toUpperCase(Locale.ROOT);
    }
}
