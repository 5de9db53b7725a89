/**
 * Include trees on disk for the front end: the {@code -I} directories of the CLI and the service, and a kernel
 * tree's uapi folders, as an {@link io.uapiguard.header.pp.IncludeSource}.
 */
package io.uapiguard.include;
