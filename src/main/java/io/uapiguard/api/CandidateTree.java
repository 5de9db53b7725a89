package io.uapiguard.api;

import io.uapiguard.compat.TreeJudge;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import io.uapiguard.patch.HeaderPatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A check's candidate: the base revision's headers with the request's changes, the posted header or every watched
 * header the patch (or series) touches. Each changed header is parsed once; the others are the base's.
 */
final class CandidateTree implements TreeJudge.Tree {

    /** A changed header: posted as characters (they go straight into the front end) or patched as text. */
    private record Change(char[] posted, String patched) {
        String text() {
            return patched != null ? patched : new String(posted);
        }
    }

    private final StoredTree base;
    private final HeaderParser parser;
    private final Map<String, Change> changes = new LinkedHashMap<>();
    private final Map<String, UapiModel> models = new HashMap<>();

    private CandidateTree(StoredTree base, HeaderParser parser) {
        this.base = base;
        this.parser = parser;
    }

    /** The base with the posted header at {@code path}. */
    static CandidateTree posted(StoredTree base, HeaderParser parser, String path, char[] header) {
        CandidateTree tree = new CandidateTree(base, parser);
        tree.changes.put(path, new Change(header, null));
        return tree;
    }

    /** The base with {@code patch} applied to each of the {@code watched} paths it touches, in their order. */
    static CandidateTree patched(StoredTree base, HeaderParser parser, HeaderPatcher patcher, List<String> watched,
                                 String patch) {
        CandidateTree tree = new CandidateTree(base, parser);
        Set<String> touched = patcher.paths(patch);
        for (String path : watched) {
            if (touched.contains(path)) {
                tree.changes.put(path, new Change(null, patcher.apply(path, base.requireText(path), patch)));
            }
        }
        return tree;
    }

    /** The watched paths the request changed, in order; empty when it changed none. */
    List<String> changed() {
        return new ArrayList<>(changes.keySet());
    }

    @Override
    public Optional<String> text(String path) {
        Change change = changes.get(path);
        return change != null ? Optional.of(change.text()) : base.text(path);
    }

    @Override
    public UapiModel model(String path) {
        Change change = changes.get(path);
        if (change == null) {
            return base.model(path);
        }
        return models.computeIfAbsent(path, p -> change.posted() != null
                ? parser.parse(p, change.posted()) : parser.parse(p, change.patched()));
    }
}
