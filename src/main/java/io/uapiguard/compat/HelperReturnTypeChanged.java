package io.uapiguard.compat;

import io.uapiguard.model.CTypes;
import java.util.List;

/** The documented return type differs; int to long too, since it changes the code that callers generate. */
final class HelperReturnTypeChanged extends Rule<Match.HelperDocPair> {

    HelperReturnTypeChanged() {
        super(Match.HelperDocPair.class, RuleInfo.of("helper.return-type-changed", Severity.BREAKING, Impact.API,
                "Helper return type changed",
                "The documented return type of a helper differs. A widening such as int to long still changes the code"
                        + " generated from the documentation (bpf_helper_defs.h), so it is reported too, marked \"widened\"."));
    }

    /** Integer types in order of width, per signedness, as the helper documentation spells them. */
    private static final List<List<String>> WIDTHS = List.of(
            List.of("s8", "__s8", "s16", "__s16", "short", "s32", "__s32", "int", "long", "s64", "__s64", "long long"),
            List.of("u8", "__u8", "u16", "__u16", "unsigned short", "u32", "__u32", "unsigned int",
                    "unsigned long", "u64", "__u64", "unsigned long long"));

    @Override
    void judge(Match.HelperDocPair m, Findings out) {
        if (m.newDoc() == null || m.writtenAlike()) {
            return;
        }
        String o = CTypes.collapseBlanks(m.oldDoc().returnType());
        String n = CTypes.collapseBlanks(m.newDoc().returnType());
        if (!o.equals(n)) {
            String sym = HelperText.symbol(m.newHelper());
            HelperText.attachDoc(out.of(info()), m.newHelper(), m.newDoc())
                    .message("Return type of %s changed from %s to %s%s.", sym, o, n, widened(o, n) ? " (widened)" : "")
                    .values(o, n)
                    .at(m.newDoc().line(), Findings.Side.NEW).add();
        }
    }

    static boolean widened(String from, String to) {
        for (List<String> order : WIDTHS) {
            int a = order.indexOf(from);
            int b = order.indexOf(to);
            if (a >= 0 && b >= 0) {
                return rank(from) < rank(to);
            }
        }
        return false;
    }

    private static int rank(String type) {
        return switch (type) {
            case "s8", "__s8", "u8", "__u8" -> 1;
            case "s16", "__s16", "u16", "__u16", "short", "unsigned short" -> 2;
            case "s32", "__s32", "u32", "__u32", "int", "unsigned int" -> 4;
            default -> 8;
        };
    }
}
