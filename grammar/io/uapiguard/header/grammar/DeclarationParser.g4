/*
 * The declarations of a UAPI header after preprocessing (a subset of C11 6.7 with GNU attributes):
 * enums, structs and unions (nested, anonymous, bitfields, arrays, flexible arrays), typedefs, and
 * prototypes, which are accepted and ignored. Alternatives share their prefixes so that every decision
 * needs little lookahead (a struct body is never scanned twice). Constant expressions are kept as balanced token runs;
 * the front end's evaluator gives them values.
 */
parser grammar DeclarationParser;

options {
    tokenVocab = HeaderLexer;
}

translationUnit
    : externalDeclaration* EOF
    ;

externalDeclaration
    : declarationSpecifiers declaratorList? SEMI # declaration
    | SEMI # emptyDeclaration
    ;

declarationSpecifiers
    : specifierModifier* typeSpecifier specifierModifier*
    ;

specifierModifier
    : TYPEDEF # typedefSpecifier
    | (EXTERN | STATIC | INLINE) # storageSpecifier
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
    | (STRUCT | UNION) attributeSpecifier* IDENTIFIER? LBRACE memberDeclaration* RBRACE attributeSpecifier* # recordDefinition
    | (STRUCT | UNION) attributeSpecifier* IDENTIFIER # recordReference
    | ENUM attributeSpecifier* IDENTIFIER? LBRACE (enumerator (COMMA enumerator)* COMMA?)? RBRACE attributeSpecifier* # enumDefinition
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
    : IDENTIFIER attributeSpecifier* (ASSIGN constantExpression)?
    ;

memberDeclaration
    : declarationSpecifiers (memberDeclarator (COMMA memberDeclarator)*)? SEMI # members
    | SEMI # emptyMember
    ;

memberDeclarator
    : declarator (COLON constantExpression)? # member
    | COLON constantExpression # unnamedBitfield
    ;

declaratorList
    : declarator (COMMA declarator)*
    ;

declarator
    : pointer* directDeclarator attributeSpecifier*
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
    : attributeName (LPAREN balanced* RPAREN)?
    ;

attributeName
    : IDENTIFIER
    | CONST
    ;

// A constant expression: tokens up to the next ',' ';' ']' '}' outside brackets, valued by the evaluator.
constantExpression
    : expressionToken+
    ;

expressionToken
    : LPAREN balanced* RPAREN
    | LBRACKET balanced* RBRACKET
    | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | LBRACE | RBRACE | COMMA | SEMI)
    ;

balanced
    : LPAREN balanced* RPAREN
    | LBRACKET balanced* RBRACKET
    | LBRACE balanced* RBRACE
    | ~(LPAREN | RPAREN | LBRACKET | RBRACKET | LBRACE | RBRACE)
    ;
