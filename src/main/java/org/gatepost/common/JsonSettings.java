package org.gatepost.common;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How the API reads JSON: as written, never guessed at. Times keep the offset they were sent
 * with (an entry's occurredAt is the phone's clock, shown back as the phone saw it). A key
 * given twice, a number where a name or true/false belongs, a fraction where a count belongs
 * and a number in quotes are refused, as is text PostgreSQL cannot store faithfully (control
 * characters such as NUL, and half a UTF-16 surrogate pair, which would be stored as "?").
 * Each refusal becomes a 400 naming the field ({@link ProblemMapper#unreadableJson}). The
 * batch endpoint reads each of its entries with this same mapper, so there a loose entry is
 * rejected alone.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    static final String CONTROL_CHARACTERS = "must not contain control characters";
    static final String LONE_SURROGATE = "must not contain half of a UTF-16 surrogate pair";

    @Override
    @SuppressWarnings("deprecation") // ALLOW_COERCION_OF_SCALARS is still the one switch that also covers quoted enum indexes
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // "36.5" is not a number, 0 is not false, "1" is not an index into an enum; 37 is still 37.0.
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.registerModule(new SimpleModule("gatepost-text").addDeserializer(String.class, new PlainText()));
    }

    /** Strings without control characters other than tab and line breaks, and with whole surrogate pairs. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    throw refused(parser, text, CONTROL_CHARACTERS);
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw refused(parser, text, LONE_SURROGATE);
                }
            }
            return text;
        }

        private static InvalidFormatException refused(JsonParser parser, String text, String reason) {
            // The reason is the whole message: ProblemMapper shows it as it is, without echoing the text.
            return InvalidFormatException.from(parser, reason, text, String.class);
        }
    }
}
