package io.uapiguard.consumer;

import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an extraction's output must equal in the model of the same text. */
public enum Expect {
    /** The helper names in id order ({@code unspec}, {@code map_lookup_elem}, ...): what mapper scrapers list. */
    HELPERS,
    /** The function of every documented signature in the order of the doc comment ({@code bpf_map_lookup_elem}, ...). */
    SIGNATURES;

    /** The id used in YAML: {@code helpers}, {@code signatures}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Expect> of(String id) {
        for (Expect e : values()) {
            if (e.id().equals(id)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The model's list. */
    List<String> of(UapiModel model) {
        List<String> all = new ArrayList<>();
        if (this == HELPERS) {
            model.helpers().stream().sorted(Comparator.comparingLong(Helper::id)).forEach(h -> all.add(h.name()));
        } else {
            List<HelperDoc> docs = new ArrayList<>();
            model.helpers().forEach(h -> docs.addAll(h.docs()));
            docs.sort(Comparator.comparingInt(HelperDoc::line));
            docs.forEach(d -> all.add(d.function()));
        }
        return List.copyOf(all);
    }
}
