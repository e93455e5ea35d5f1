package org.gatepost.common;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads an id in a PATCH body with three meanings: absent (leave it), {@code null} (clear it)
 * or a UUID (set it). Absent gives a null Optional, null gives Optional.empty().
 */
public class ClearableId extends StdDeserializer<Optional<UUID>> {

    public ClearableId() {
        super(Optional.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<UUID> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        if (text == null) {
            return (Optional<UUID>) context.handleUnexpectedToken(UUID.class, parser);
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw context.weirdStringException(text, UUID.class, "not a UUID");
        }
    }

    @Override
    public Optional<UUID> getNullValue(DeserializationContext context) {
        return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return null;
    }
}
