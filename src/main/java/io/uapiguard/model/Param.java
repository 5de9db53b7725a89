package io.uapiguard.model;

/** One documented parameter; {@code name} may be null where the documentation gives only a type. */
public record Param(String type, String name) {
}
