package io.uapiguard.model;

import java.util.Objects;

/** One documented parameter; {@code name} may be null where the documentation gives only a type. */
public record Param(String type, String name) {

    // Written out: a record's generated equals goes through method handles that the CLI's C1-only JIT does not
    // inline, and comparing documented signatures calls it for every parameter of every helper.
    @Override
    public boolean equals(Object o) {
        return o instanceof Param p && Objects.equals(type, p.type) && Objects.equals(name, p.name);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(type) + Objects.hashCode(name);
    }
}
