package io.uapiguard.api;

import io.uapiguard.compat.TreeJudge;
import io.uapiguard.git.PathGlob;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.include.RevisionIncludes;
import io.uapiguard.model.UapiModel;
import io.uapiguard.patch.HeaderPatcher;
import java.nio.charset.StandardCharsets;
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
     * the patch deletes it. A posted header's text is made once, when first asked for (the consumers and the stored
     * check's excerpts read the same one).
     */
    private static final class Change {
        private final char[] posted;
        private String text;

        Change(char[] posted, String patched) {
            this.posted = posted;
            this.text = patched;
        }

        char[] chars() {
            return posted != null ? posted : text.toCharArray();
        }

        /** The characters held already: the posted ones, else null. */
        char[] posted() {
            return posted;
        }

        synchronized Optional<String> text() {
            if (text == null && posted != null) {
                text = new String(posted);
            }
            return Optional.ofNullable(text);
        }
    }

    private final StoredTree base;
    private final HeaderParser parser;
    /** This tree's files (the changed headers, then the base's), then {@code fallback}. */
    private final IncludeSource includes;
    private final Map<String, Change> changes = new LinkedHashMap<>();
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, UapiModel> models = new HashMap<>();

    private CandidateTree(StoredTree base, HeaderParser parser, IncludeSource fallback) {
        this.base = base;
        this.parser = parser;
        this.includes = new RevisionIncludes(new Files(), fallback);
    }

    /**
     * The files an include of a changed header is looked up in: the changed headers, keyed by a digest of their
     * text, then the base's stored ones, keyed by blob id as at ingest (so their tokens are shared).
     */
    private final class Files implements RevisionIncludes.Files {
        @Override
        public String key(String path) {
            Change change = changes.get(path);
            if (change == null) {
                String blob = base.blob(path);
                return blob == null ? null : "git:" + blob;
            }
            return change.text().map(text -> keys.computeIfAbsent(path, p -> IncludeSource.contentKey(text.getBytes(StandardCharsets.UTF_8))))
                    .orElse(null);
        }

        @Override
        public char[] text(String path, String key) {
            return text(path).orElseThrow().toCharArray();
        }

        private Optional<String> text(String path) {
            return CandidateTree.this.text(path);
        }
    }


    /** The base with the posted header at {@code path}. */
    static CandidateTree posted(StoredTree base, HeaderParser parser, IncludeSource fallback, String path,
                                char[] header) {
        CandidateTree tree = new CandidateTree(base, parser, fallback);
        tree.changes.put(path, new Change(header, null));
        return tree;
    }

    /**
     * The base with {@code patch} applied to each header it touches that {@code watched} matches, in the watched
     * order ({@link PathGlob#select}): a header the patch creates starts from nothing, one it deletes is gone.
     */
    static CandidateTree patched(StoredTree base, HeaderParser parser, IncludeSource fallback, HeaderPatcher patcher,
                                 PathGlob watched, String patch) {
        CandidateTree tree = new CandidateTree(base, parser, fallback);
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
    public char[] chars(String path) {
        Change change = changes.get(path);
        return change == null ? null : change.posted();
    }

    @Override
    public UapiModel model(String path) {
        Change change = changes.get(path);
        if (change == null) {
            return base.model(path);
        }
        // Made from the base's header: the lines they share are not lexed again (the model is the same).
        return models.computeIfAbsent(path, p -> parser.parse(p, change.chars(), includes,
                change.text().flatMap(text -> base.text(p).map(was -> new HeaderParser.Edited(text, was)))
                        .orElse(null)));
    }
}
