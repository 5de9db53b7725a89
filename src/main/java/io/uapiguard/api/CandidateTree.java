package io.uapiguard.api;

import io.uapiguard.compat.TreeJudge;
import io.uapiguard.git.PathGlob;
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
 * header the patch (or series) touches, created or deletes. Each changed header is parsed once; the others are the
 * base's.
 */
final class CandidateTree implements TreeJudge.Tree {

    /**
     * A changed header: posted as characters (they go straight into the front end) or patched as text; neither when
     * the patch deletes it.
     */
    private record Change(char[] posted, String patched) {
        Optional<String> text() {
            return patched != null ? Optional.of(patched)
                    : posted != null ? Optional.of(new String(posted)) : Optional.empty();
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

    /**
     * The base with {@code patch} applied to each header it touches that {@code watched} matches, in the watched
     * order ({@link PathGlob#select}): a header the patch creates starts from nothing, one it deletes is gone.
     */
    static CandidateTree patched(StoredTree base, HeaderParser parser, HeaderPatcher patcher, PathGlob watched,
                                 String patch) {
        CandidateTree tree = new CandidateTree(base, parser);
        Set<String> created = patcher.createdPaths(patch);
        Set<String> deleted = patcher.deletedPaths(patch);
        for (String path : watched.select(patcher.paths(patch))) {
            if (deleted.contains(path)) {
                base.requireText(path);
                tree.changes.put(path, new Change(null, null));
                continue;
            }
            String before = created.contains(path) ? base.text(path).orElse("") : base.requireText(path);
            tree.changes.put(path, new Change(null, patcher.apply(path, before, patch)));
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
        return change != null ? change.text() : base.text(path);
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
