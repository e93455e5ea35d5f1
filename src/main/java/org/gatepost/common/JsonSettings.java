package org.gatepost.common;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How the API reads JSON: times keep the offset they were sent with (an entry's occurredAt
 * is the phone's clock, shown back as the phone saw it), and text with control characters
 * (NUL and the like, which PostgreSQL cannot store) is refused as invalid input, field by field.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.registerModule(new SimpleModule("gatepost-text").addDeserializer(String.class, new PlainText()));
    }

    /** Strings without control characters other than tab and line breaks. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                        throw context.weirdStringException("", String.class, CONTROL_CHARACTERS);
                    }
                }
            }
            return text;
        }
    }

    static final String CONTROL_CHARACTERS = "contains control characters";
}
