package io.uapiguard.compat;

import io.uapiguard.consumer.Outcome;
import io.uapiguard.model.Define;
import io.uapiguard.model.EnumConstant;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Field;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.Mirror;
import io.uapiguard.model.Problem;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.util.Map;

/**
 * A pair of old and new elements the engine matched; rules judge these. A null side means "absent". One kind pairs
 * two headers of the same revision instead: {@link CopyPair}, an original and its copy; two, a header present on one
 * side only: {@link HeaderAdded} and {@link HeaderRemoved}.
 */
sealed interface Match {

    /** The same helper name on both sides. */
    record HelperPair(Helper oldHelper, Helper newHelper) implements Match {
    }

    /** A helper name that is gone while its id is free or held by a name that already existed. */
    record HelperRemoved(Helper oldHelper) implements Match {
    }

    /** The same id carrying a name that did not exist before, in place of a name that is gone. */
    record HelperRenamed(Helper oldHelper, Helper newHelper) implements Match {
    }

    record HelperAdded(Helper newHelper) implements Match {
    }

    /**
     * Two documented signatures of one helper paired as described in docs/rules.md
     * ("Pairing documented signatures"); {@code newDoc} null when an old context lost its documentation.
     * {@code writtenAlike}: return type and parameters are the same text (lines aside), so no rule about a
     * changed signature has anything to say; false does not mean they differ.
     */
    record HelperDocPair(Helper oldHelper, Helper newHelper, HelperDoc oldDoc, HelperDoc newDoc, boolean writtenAlike)
            implements Match {
    }

    /**
     * The helper mapper macros of both sides (never null, possibly empty), with the helper renames the engine
     * found (old name to new name): a renamed entry is {@code helper.renamed}'s to report, not the expansion's.
     * {@code expansionBreak}: where the new expansion first fails to keep an old entry in place, found once for
     * the rules that need it; null when it only appends, or when a side does not define the mapper.
     */
    record MapperPair(Mapper oldMapper, Mapper newMapper, Map<String, String> renamedHelpers,
                      MapperExpansion.Break expansionBreak) implements Match {

        public MapperPair {
            renamedHelpers = Map.copyOf(renamedHelpers);
        }

        MapperPair(Mapper oldMapper, Mapper newMapper, Map<String, String> renamedHelpers) {
            this(oldMapper, newMapper, renamedHelpers, MapperExpansion.firstBreak(oldMapper, newMapper, renamedHelpers));
        }

        /** Both sides define the mapper. */
        boolean bothDefined() {
            return oldMapper.expansion() != null && newMapper.expansion() != null;
        }
    }

    /**
     * A consistency problem of the new model (see {@code header.Consistency}) that the old one did not have: none
     * of the same kind about the same symbol. {@code oldHelper}, {@code newHelper}: the helper of that name on each
     * side, if any.
     */
    record ProblemIntroduced(Problem problem, Helper oldHelper, Helper newHelper) implements Match {
    }

    /** A gap of the new model (see {@code model.Gap}) that the old one had not, by element and why. */
    record GapIntroduced(io.uapiguard.model.Gap gap) implements Match {
    }

    /** The same enumerator name on both sides (enumerator names are global in C). */
    record EnumConstantPair(EnumDecl oldEnum, EnumConstant oldConstant, EnumDecl newEnum, EnumConstant newConstant)
            implements Match {
    }

    /** An enumerator that is gone and not renamed; {@code survivingDefine} is a new #define of the same name, if any. */
    record EnumConstantRemoved(EnumDecl oldEnum, EnumConstant oldConstant, Define survivingDefine) implements Match {
    }

    /** An enumerator that is gone while a new one with its value appeared in the same enum. */
    record EnumConstantRenamed(EnumDecl oldEnum, EnumConstant oldConstant, EnumDecl newEnum, EnumConstant newConstant)
            implements Match {
    }

    record DefinePair(Define oldDefine, Define newDefine) implements Match {
    }

    /** A macro that is gone; {@code newEnum}/{@code newConstant} are an enumerator of the same name now, if any. */
    record DefineRemoved(Define oldDefine, EnumDecl newEnum, EnumConstant newConstant) implements Match {
    }

    /** The same struct or union name on both sides. */
    record StructPair(StructDecl oldStruct, StructDecl newStruct) implements Match {
    }

    record StructRemoved(StructDecl oldStruct) implements Match {
    }

    /** The same access path in the same struct on both sides. */
    record FieldPair(StructDecl oldStruct, Field oldField, StructDecl newStruct, Field newField) implements Match {
    }

    record FieldRemoved(StructDecl oldStruct, Field oldField, StructDecl newStruct) implements Match {
    }

    /** A path that is gone while another appeared at the same offset with the same type and size. */
    record FieldRenamed(StructDecl oldStruct, Field oldField, StructDecl newStruct, Field newField) implements Match {
    }

    /**
     * A header and its copy in one revision ({@link Mirror}) whose texts differ. {@code anchor}: the path findings
     * point at, the side the change touched (the copy when both or neither were); {@code line}: the first line of
     * the anchor's text that the other side does not have alike. {@code modelDifference}: the first finding of the
     * rules between the two models, as a change from the other side to the anchor or else back, null when the rules
     * find nothing either way (then only the text differs).
     */
    record CopyPair(Mirror mirror, String anchor, int line, String modelDifference) implements Match {
    }

    /**
     * A watched header that exists only in the new revision. {@code newModel}: its model, null when it did not
     * parse (the header's absence before is the finding either way).
     */
    record HeaderAdded(String path, UapiModel newModel) implements Match {
    }

    /** A watched header that exists only in the old revision; {@code oldModel} null when it did not parse. */
    record HeaderRemoved(String path, UapiModel oldModel) implements Match {
    }

    /**
     * What one consumer of the header's text made of the old and of the new text (see {@code consumer.Consumers}):
     * the same consumer on both sides.
     */
    record ConsumerPair(Outcome oldOutcome, Outcome newOutcome) implements Match {
    }
}
