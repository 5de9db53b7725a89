package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.Param;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in front end for storage tests, independent of the real grammar: each line {@code helper NAME ID [RET]}
 * declares a helper (documented as {@code RET bpf_NAME(void *ctx)} when RET is given); a line {@code garbage}
 * is a parse error at that line. Counts its calls.
 */
final class FakeParser implements Ingester.Parser {

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public UapiModel parse(String file, String text, IncludeSource includes) {
        return parse(file, text);
    }

    UapiModel parse(String file, String text) {
        calls.incrementAndGet();
        List<Helper> helpers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] w = lines[i].trim().split("\\s+");
            if (w[0].equals("garbage")) {
                throw new UapiguardException(UapiguardException.Reason.PARSE_ERROR, "expected a declaration",
                        file, i + 1, 1, null);
            }
            if (w[0].equals("helper")) {
                List<HelperDoc> docs = w.length > 3
                        ? List.of(new HelperDoc(i + 1, w[3], "bpf_" + w[1], List.of(new Param("void *", "ctx"))))
                        : List.of();
                helpers.add(new Helper(w[1], Long.parseLong(w[2]), i + 1, docs));
            }
        }
        return new UapiModel(UapiModel.SCHEMA_VERSION, helpers, new Mapper(List.of(), null), List.of(), List.of(),
                List.of(), List.of());
    }
}
