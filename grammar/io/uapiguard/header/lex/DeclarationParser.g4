/*
 * The declarations of a UAPI header after preprocessing (a subset of C11 6.7 with GNU attributes):
 * enums, structs and unions (nested, anonymous, bitfields, arrays, flexible arrays), typedefs, and
 * prototypes, function definitions (bodies kept as balanced tokens) and object definitions with initialisers, which
 * are accepted and not modelled; '#pragma pack' where it stood (the preprocessor's PRAGMA_PACK token). Alternatives share their prefixes so that every decision
 * needs little lookahead (a struct body is never scanned twice). Constant expressions are kept as balanced token runs;
 * the front end's evaluator gives them values. Labels name what the builder reads, so it reads fields instead of
 * searching every child of a context (an enum's or a struct's hundreds of them).
 */
parser grammar DeclarationParser;

options {
    tokenVocab = HeaderLexer;
}

translationUnit
    : externalDeclaration* EOF
    ;

externalDeclaration
    : declarationSpecifiers (declaratorList (SEMI | body=functionBody) | SEMI) # declaration
    | SEMI # emptyDeclaration
    | packPragma # pragmaDeclaration
    ;

// The operand of sizeof / _Alignof, and the first one of __builtin_offsetof (parsed on its own).
typeName
    : declarationSpecifiers abstractDeclarator? EOF
    ;

// A function definition's body: not modelled, only balanced.
functionBody
    : LBRACE balanced RBRACE
    ;

// '#pragma pack(...)': the arguments as written after expansion (n, push, push n, pop, or nothing).
packPragma
    : PRAGMA_PACK LPAREN balanced RPAREN
    ;

declarationSpecifiers
    : mods+=specifierModifier* type=typeSpecifier mods+=specifierModifier*
    ;

specifierModifier
    : TYPEDEF # typedefSpecifier
    | (EXTERN | STATIC | INLINE | EXTENSION) # storageSpecifier
    | typeQualifier # qualifierSpecifier
    | attributeSpecifier # attributeModifier
    ;

typeQualifier
    : CONST
    | VOLATILE
    | RESTRICT
    ;

typeSpecifier
    : builtinTypeWord+ # builtinType
    | kind=(STRUCT | UNION) attrs+=attributeSpecifier* tag=IDENTIFIER? LBRACE body+=memberDeclaration* RBRACE attrs+=attributeSpecifier* # recordDefinition
    | (STRUCT | UNION) attributeSpecifier* IDENTIFIER # recordReference
    | ENUM attributeSpecifier* tag=IDENTIFIER? LBRACE (enumerators+=enumerator (COMMA enumerators+=enumerator)* COMMA?)? RBRACE attributeSpecifier* # enumDefinition
    | ENUM attributeSpecifier* IDENTIFIER # enumReference
    | IDENTIFIER # typedefName
    ;

builtinTypeWord
    : VOID
    | CHAR
    | SHORT
    | INT
    | LONG
    | SIGNED
    | UNSIGNED
    | BOOL
    | FLOAT
    | DOUBLE
    ;

enumerator
    : name=IDENTIFIER attributeSpecifier* (ASSIGN value=constantExpression)?
    ;

memberDeclaration
    : declarationSpecifiers (declarators+=memberDeclarator (COMMA declarators+=memberDeclarator)*)? SEMI # members
    | SEMI # emptyMember
    | packPragma # memberPragma
    ;

memberDeclarator
    : declarator (COLON constantExpression)? # member
    | COLON constantExpression # unnamedBitfield
    ;

declaratorList
    : initDeclarator (COMMA initDeclarator)*
    ;

initDeclarator
    : declarator (ASSIGN initializer)?
    ;

initializer
    : LBRACE balanced RBRACE
    | constantExpression
    ;

declarator
    : pointers+=pointer* direct=directDeclarator (attrs+=attributeSpecifier | asmLabel)*
    ;

// GNU asm label: the symbol's name in the object file ('__asm__("name")'), nothing for the layout.
asmLabel
    : ASM LPAREN balanced RPAREN
    ;

pointer
    : STAR (typeQualifier | attributeSpecifier)*
    ;

directDeclarator
    : IDENTIFIER # nameDeclarator
    | LPAREN declarator RPAREN # parenthesizedDeclarator
    | directDeclarator LBRACKET constantExpression? RBRACKET # arrayDeclarator
    | directDeclarator LPAREN parameterList? RPAREN # functionDeclarator
    ;

parameterList
    : parameter (COMMA parameter)* (COMMA ELLIPSIS)?
    ;

parameter
    : declarationSpecifiers (declarator | abstractDeclarator)?
    ;

abstractDeclarator
    : pointer+ directAbstractDeclarator?
    | directAbstractDeclarator
    ;

directAbstractDeclarator
    : abstractDeclaratorHead abstractDeclaratorSuffix*
    | abstractDeclaratorSuffix+
    ;

abstractDeclaratorHead
    : LPAREN abstractDeclarator RPAREN
    ;

abstractDeclaratorSuffix
    : LBRACKET constantExpression? RBRACKET
    | LPAREN parameterList? RPAREN
    ;

attributeSpecifier
    : ATTRIBUTE LPAREN LPAREN (attribute (COMMA attribute)*)? RPAREN RPAREN
    ;

attribute
    : attributeName (LPAREN balanced RPAREN)?
    ;

attributeName
    : IDENTIFIER
    | CONST
    ;

// A constant expression: tokens up to the next ',' ';' ']' '}' outside brackets, valued by the evaluator.
// Its tokens are matched inline, not one rule context each: enumerator values are most of bpf.h's tokens.
constantExpression
    : ( LPAREN balanced RPAREN
      | LBRACKET balanced RBRACKET
      | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | LBRACE | RBRACE | COMMA | SEMI)
      )+
    ;

// Any tokens with their brackets balanced: one rule context per nesting level, none per token.
balanced
    : ( LPAREN balanced RPAREN
      | LBRACKET balanced RBRACKET
      | LBRACE balanced RBRACE
      | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | LBRACE | RBRACE)
      )*
    ;
