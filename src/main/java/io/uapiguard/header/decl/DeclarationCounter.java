package io.uapiguard.header.decl;

import io.uapiguard.header.lex.DeclarationParser;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.PpToken;
import java.util.IdentityHashMap;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Counts members, enumerators and declarations as the parser finishes each, and the tokens it matches (a parse
 * listener), so that the member and declaration limits and the clock bite while the parse tree grows, not after a
 * hostile header has built it all.
 */
public final class DeclarationCounter implements ParseTreeListener {

    private final Budget budget;
    /** Members (or enumerators) so far of each struct, union or enum definition still open. */
    private final Map<ParserRuleContext, int[]> perDefinition = new IdentityHashMap<>();
    private int declarations;
    private int matched;

    public DeclarationCounter(Budget budget) {
        this.budget = budget;
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
        switch (ctx.getRuleIndex()) {
            // memberDeclarator's parent is a member declaration, whose parent is the record definition.
            case DeclarationParser.RULE_memberDeclarator -> member(ctx.getParent().getParent(), ctx);
            case DeclarationParser.RULE_enumerator -> member(ctx.getParent(), ctx);
            case DeclarationParser.RULE_externalDeclaration -> declared(ctx);
            case DeclarationParser.RULE_typeSpecifier -> perDefinition.remove(ctx);
            default -> {
            }
        }
    }

    private void member(ParserRuleContext definition, ParserRuleContext member) {
        int[] count = perDefinition.computeIfAbsent(definition, d -> new int[1]);
        if (++count[0] > budget.limits().maxMembers()) {
            String what = definition instanceof DeclarationParser.RecordDefinitionContext r
                    ? r.kind.getText() + (r.tag == null ? " (anonymous)" : " " + r.tag.getText()) + " has more than "
                            + budget.limits().maxMembers() + " members"
                    : named((DeclarationParser.EnumDefinitionContext) definition) + " has more than "
                            + budget.limits().maxMembers() + " enumerators";
            throw budget.exceeded(what, (PpToken) member.getStart());
        }
        declared(member);
    }

    private static String named(DeclarationParser.EnumDefinitionContext e) {
        return "enum" + (e.tag == null ? " (anonymous)" : " " + e.tag.getText());
    }

    private void declared(ParserRuleContext ctx) {
        PpToken at = (PpToken) ctx.getStart();
        if (++declarations > budget.limits().maxDeclarations()) {
            throw budget.exceeded("the header has more than " + budget.limits().maxDeclarations()
                    + " declarations (members, enumerators and top-level declarations)", at);
        }
        if ((declarations & 0xFF) == 0) {
            budget.checkTime(at);
        }
    }

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {
    }

    /** Every token the parser matches: the clock is read every 4,096, whatever the declarations look like. */
    @Override
    public void visitTerminal(TerminalNode node) {
        if ((++matched & 0xFFF) == 0) {
            budget.checkTime((PpToken) node.getSymbol());
        }
    }

    @Override
    public void visitErrorNode(ErrorNode node) {
    }
}
