package io.uapiguard.header.pp;

import io.uapiguard.UapiguardException;
import io.uapiguard.model.Define;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The object-like macros of one header's final macro table, with their values where they evaluate. */
public final class Defines {

    private Defines() {
    }

    /**
     * Every object-like macro of the final table that the header itself defines, in line order: its normalised replacement and, where the
     * replacement (expanded, enumerators known) is an integer constant expression, its value.
     * Include guards are object-like macros too and are listed (empty text, no value).
     */
    public static List<Define> of(Preprocessor.Result pp, ConstantEvaluator evaluator,
                                  ConstantEvaluator.Resolver enumerators) {
        MacroExpander expander = pp.expander();
        List<Macro> objectLike = new ArrayList<>();
        for (Macro m : pp.macros().values()) {
            if (!m.functionLike() && m.file() == null) {   // the header's own, not its includes'
                objectLike.add(m);
            }
        }
        objectLike.sort(Comparator.comparingInt(Macro::line).thenComparingInt(Macro::column));
        List<Define> out = new ArrayList<>(objectLike.size());
        for (Macro m : objectLike) {
            out.add(new Define(m.name(), TokenText.of(m.body()), value(m, expander, evaluator, enumerators), m.line()));
        }
        return out;
    }

    private static BigInteger value(Macro m, MacroExpander expander, ConstantEvaluator evaluator,
                                    ConstantEvaluator.Resolver enumerators) {
        if (m.body().isEmpty()) {
            return null;
        }
        List<PpToken> body = new ArrayList<>(m.body().size());
        HideSet self = HideSet.EMPTY.with(m.id());
        for (PpToken t : m.body()) {
            PpToken c = t.copy();
            c.hideSet = self;
            body.add(c);
        }
        List<PpToken> expanded = new ArrayList<>();
        try {
            expander.expand(body, expanded);
            return evaluator.evaluate(expanded, enumerators, false).value();
        } catch (ConstantEvaluator.EvalException e) {
            return null;
        } catch (UapiguardException e) {
            if (e.reason() == UapiguardException.Reason.LIMIT_EXCEEDED) {
                throw e;
            }
            return null;
        }
    }
}
