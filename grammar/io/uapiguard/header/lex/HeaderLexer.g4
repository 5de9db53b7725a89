/*
 * Preprocessing tokens of a C UAPI header (C11 6.4, 6.10), as the front end's first stage sees them.
 * Comments go to the COMMENTS channel (the helper documentation lives there), blanks and backslash-newline
 * continuations to HIDDEN, line ends to NEWLINES (they end a directive). A '#' first on a line opens the
 * DIRECTIVE mode, which lexes the directive's name; the rest of a directive is lexed in the default mode.
 * The base class answers whether a '#' stands first on its line; given the source text, it also scans the
 * default mode's comments, blanks, line ends, continuations, words, numbers, punctuators and '#' itself,
 * yielding exactly the tokens of the rules below (keywords and punctuators read from this grammar's ATN),
 * since a fresh process otherwise spends its lexing time filling and interpreting ANTLR's DFA (and the
 * predicate of DIRECTIVE_START keeps ANTLR from caching the edge on '#'). These rules stay the definition of
 * every token.
 */
lexer grammar HeaderLexer;

options {
    superClass = HeaderLexerBase;
}

channels {
    COMMENTS,
    NEWLINES
}

// Made by the preprocessor, never lexed: '#pragma pack' handed to the declaration parser where it stood.
tokens {
    PRAGMA_PACK
}

// The predicate sits after '#', not on the rule's left edge, so that the DFA states before it stay cacheable;
// the edge on '#' itself is not cached, which is why the base class scans '#' itself.
DIRECTIVE_START : '#' {atLineStart()}? -> pushMode(DIRECTIVE);

BLOCK_COMMENT        : '/*' .*? '*/' -> channel(COMMENTS);
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF;
LINE_COMMENT         : '//' ~[\r\n]* -> channel(COMMENTS);
LINE_CONTINUATION    : '\\' [ \t]* '\r'? '\n' -> channel(HIDDEN);
// The next line's indentation rides along: one token less per line of code.
NEWLINE              : '\r'? '\n' [ \t]* -> channel(NEWLINES);
WS                   : [ \t\f\r\u000B]+ -> channel(HIDDEN);

// Keywords the declaration grammar needs; every other word is an IDENTIFIER.
STRUCT    : 'struct';
UNION     : 'union';
ENUM      : 'enum';
TYPEDEF   : 'typedef';
CONST     : 'const' | '__const' | '__const__';
VOLATILE  : 'volatile' | '__volatile' | '__volatile__';
RESTRICT  : 'restrict' | '__restrict' | '__restrict__';
SIGNED    : 'signed' | '__signed' | '__signed__';
UNSIGNED  : 'unsigned';
CHAR      : 'char';
SHORT     : 'short';
INT       : 'int';
LONG      : 'long';
VOID      : 'void';
BOOL      : '_Bool';
FLOAT     : 'float';
DOUBLE    : 'double';
EXTERN    : 'extern';
STATIC    : 'static';
INLINE    : 'inline' | '__inline' | '__inline__';
ATTRIBUTE : '__attribute__' | '__attribute';
SIZEOF    : 'sizeof';
ALIGNOF   : '_Alignof' | '__alignof' | '__alignof__';
OFFSETOF  : '__builtin_offsetof';
EXTENSION : '__extension__';
ASM       : 'asm' | '__asm' | '__asm__';

IDENTIFIER : IDENT;
NUMBER     : '.'? [0-9] ([0-9a-zA-Z_.] | [eEpP] [+-])*;
CHAR_CONST : [LuU]? '\'' (~['\\\r\n] | '\\' .)+ '\'';
STRING     : ([LuU] | 'u8')? '"' (~["\\\r\n] | '\\' .)* '"';

ELLIPSIS   : '...';
LPAREN     : '(';
RPAREN     : ')';
LBRACE     : '{';
RBRACE     : '}';
LBRACKET   : '[';
RBRACKET   : ']';
SEMI       : ';';
COMMA      : ',';
COLON      : ':';
QUESTION   : '?';
DOT        : '.';
ARROW      : '->';
PLUSPLUS   : '++';
MINUSMINUS : '--';
STAR       : '*';
PLUS       : '+';
MINUS      : '-';
SLASH      : '/';
PERCENT    : '%';
SHL        : '<<';
SHR        : '>>';
LE         : '<=';
GE         : '>=';
LT         : '<';
GT         : '>';
EQ         : '==';
NE         : '!=';
ANDAND     : '&&';
OROR       : '||';
AMP        : '&';
PIPE       : '|';
CARET      : '^';
TILDE      : '~';
NOT        : '!';
ASSIGN     : '=';
HASHHASH   : '##';
HASH       : '#';

// Anything else is still a preprocessing token (C11 6.4p1); the parsers reject it where it matters.
OTHER : .;

fragment IDENT : [a-zA-Z_$] [a-zA-Z_0-9$]*;

// After '#': the directive's name.
mode DIRECTIVE;

D_WS           : [ \t\f\u000B]+ -> channel(HIDDEN);
D_CONTINUATION : '\\' [ \t]* '\r'? '\n' -> channel(HIDDEN);
D_COMMENT      : '/*' .*? '*/' -> channel(COMMENTS);
D_NEWLINE      : '\r'? '\n' -> type(NEWLINE), channel(NEWLINES), popMode;

DEFINE          : 'define' -> mode(DEFINE_NAME);
UNDEF           : 'undef' -> mode(MACRO_NAME);
IFDEF           : 'ifdef' -> mode(MACRO_NAME);
IFNDEF          : 'ifndef' -> mode(MACRO_NAME);
INCLUDE         : 'include' -> popMode;
INCLUDE_NEXT    : 'include_next' -> popMode;
IF              : 'if' -> popMode;
ELIF            : 'elif' -> popMode;
ELSE            : 'else' -> popMode;
ENDIF           : 'endif' -> popMode;
OTHER_DIRECTIVE : IDENT -> popMode;
D_OTHER         : . -> type(OTHER), popMode;

// After '#define': the macro's name.
mode DEFINE_NAME;

DN_WS           : [ \t\f\u000B]+ -> channel(HIDDEN);
DN_CONTINUATION : '\\' [ \t]* '\r'? '\n' -> channel(HIDDEN);
DN_COMMENT      : '/*' .*? '*/' -> channel(COMMENTS);
DN_NEWLINE      : '\r'? '\n' -> type(NEWLINE), channel(NEWLINES), popMode;
DN_NAME         : IDENT -> type(IDENTIFIER), mode(AFTER_DEFINE_NAME);
DN_OTHER        : . -> type(OTHER), popMode;

// Right after the name: '(' with nothing between opens a function-like macro's parameters (C11 6.10.3p3);
// whitespace means an object-like macro, which C requires to separate name and replacement list.
mode AFTER_DEFINE_NAME;

MACRO_PARAMETERS_START : '(' -> popMode;
AD_WS                  : [ \t\f\u000B]+ -> channel(HIDDEN), popMode;
AD_CONTINUATION        : '\\' [ \t]* '\r'? '\n' -> channel(HIDDEN), popMode;
AD_COMMENT             : '/*' .*? '*/' -> channel(COMMENTS), popMode;
AD_NEWLINE             : '\r'? '\n' -> type(NEWLINE), channel(NEWLINES), popMode;
AD_OTHER               : . -> type(OTHER), popMode;

// After '#undef', '#ifdef', '#ifndef': a macro name, keywords included.
mode MACRO_NAME;

MN_WS           : [ \t\f\u000B]+ -> channel(HIDDEN);
MN_CONTINUATION : '\\' [ \t]* '\r'? '\n' -> channel(HIDDEN);
MN_COMMENT      : '/*' .*? '*/' -> channel(COMMENTS);
MN_NEWLINE      : '\r'? '\n' -> type(NEWLINE), channel(NEWLINES), popMode;
MN_NAME         : IDENT -> type(IDENTIFIER), popMode;
MN_OTHER        : . -> type(OTHER), popMode;
