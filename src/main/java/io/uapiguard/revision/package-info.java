/**
 * Reads header text out of git with JGit: {@code REV:PATH}, the working tree, the upstream of the current branch,
 * merge bases for new branches, and whether a commit range touches a path (commit-graph Bloom filters where present).
 */
package io.uapiguard.revision;
