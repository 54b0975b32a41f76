package org.coloc.platform;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link Labelled} enum as its label rather than JPA's enum name or ordinal: rows written before the
 * column became an enum read back, and no migration is needed. A subclass names its enum and is the
 * {@code @Converter} an entity's {@code @Convert} names.
 */
public abstract class LabelConverter<E extends Enum<E> & Labelled> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LabelConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.label();
    }

    @Override
    public E convertToEntityAttribute(String label) {
        return label == null ? null : Labelled.parse(type, label);
    }
}
