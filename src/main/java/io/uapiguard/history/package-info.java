/**
 * History: registers repositories, walks their tags and the commits that touch the watched headers with JGit,
 * parses each distinct blob once and stores models and comparisons. Incremental, crash-safe, idempotent.
 */
package io.uapiguard.history;
