package io.uapiguard.api;

import java.io.Writer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A posted header's text as the characters the front end reads, written straight from the JSON parser's buffers:
 * a 300 KB header would otherwise be joined, made a String and copied back into characters, on every check.
 */
@JsonDeserialize(using = HeaderText.Reader.class)
public record HeaderText(char[] chars) {

    /** From a JSON string; anything else is a mismatch reported as a bad request. */
    static final class Reader extends ValueDeserializer<HeaderText> {
        /** So that a mismatch names the type a field wanted (a JSON string), not the record's component. */
        @Override
        public Class<?> handledType() {
            return HeaderText.class;
        }

        @Override
        public HeaderText deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.reportInputMismatch(this, "'header' must be a JSON string: the candidate header's text");
            }
            // The length first, then the parser's segments written straight into an array of that size: one
            // array, where the parser's own text accessors would join its segments into another one first.
            char[] chars = new char[p.getTextLength()];
            int written = p.getString(new Filler(chars));
            if (written != chars.length) {
                throw new IllegalStateException("header text is " + written + " characters, not " + chars.length);
            }
            return new HeaderText(chars);
        }
    }

    /** A Writer into an array of the exact size, which it refuses to overflow. */
    private static final class Filler extends Writer {
        private final char[] out;
        private int at;

        Filler(char[] out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            System.arraycopy(chars, offset, out, at, length);   // past the end: an exception, not a partial text
            at += length;
        }

        @Override
        public void write(String s, int offset, int length) {
            s.getChars(offset, offset + length, out, at);
            at += length;
        }

        @Override
        public void write(int c) {
            out[at++] = (char) c;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
