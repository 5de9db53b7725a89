/**
 * Git, through JGit, with two entry points: {@link io.uapiguard.git.GitHeaders} reads header text for the CLI and
 * the pre-push hook ({@code REV:PATH}, the working tree, the upstream of the current branch, merge bases for new
 * branches, whether a commit range touches a path, using commit-graph Bloom filters where present);
 * {@link io.uapiguard.git.GitSource} opens a repository to ingest (a path, a bundle, or a URL cloned into a cache).
 */
package io.uapiguard.git;
