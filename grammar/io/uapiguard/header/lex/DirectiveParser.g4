/*
 * One preprocessing directive (C11 6.10): the default-channel tokens from '#' to the end of its line.
 * The preprocessor hands each directive of an active group to this parser; conditional directives of
 * skipped groups are recognised by their name token alone, as C requires.
 */
parser grammar DirectiveParser;

options {
    tokenVocab = HeaderLexer;
}

directive
    : DIRECTIVE_START DEFINE IDENTIFIER MACRO_PARAMETERS_START macroParameters? RPAREN replacementList EOF # defineFunctionLike
    | DIRECTIVE_START DEFINE IDENTIFIER replacementList EOF                                        # defineObjectLike
    | DIRECTIVE_START UNDEF IDENTIFIER EOF                                                         # undef
    | DIRECTIVE_START INCLUDE includeTarget EOF                                                    # include
    | DIRECTIVE_START INCLUDE_NEXT includeTarget EOF                                               # includeNext
    | DIRECTIVE_START IF condition EOF                                                             # if
    | DIRECTIVE_START IFDEF IDENTIFIER EOF                                                         # ifdef
    | DIRECTIVE_START IFNDEF IDENTIFIER EOF                                                        # ifndef
    | DIRECTIVE_START ELIF condition EOF                                                           # elif
    | DIRECTIVE_START ELSE EOF                                                                     # else
    | DIRECTIVE_START ENDIF EOF                                                                    # endif
    | DIRECTIVE_START OTHER_DIRECTIVE .*  EOF                                                      # otherDirective
    | DIRECTIVE_START EOF                                                                          # nullDirective
    ;

macroParameters
    : macroParameter (COMMA macroParameter)*
    ;

macroParameter
    : IDENTIFIER ELLIPSIS # namedVariadicParameter
    | IDENTIFIER          # namedParameter
    | ELLIPSIS            # anonymousVariadicParameter
    ;

// Greedy: '.' never matches EOF, so these loops stop at the end of the directive with one token of lookahead.
replacementList
    : .*
    ;

includeTarget
    : STRING # quotedInclude
    | LT .+? GT # angledInclude
    ;

condition
    : .+
    ;
