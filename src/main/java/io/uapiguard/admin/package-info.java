/**
 * The admin API (register a repository, trigger an ingest): disabled unless {@code uapiguard.admin.token} is set,
 * then guarded by that bearer token; remote locations limited to https/ssh on allowed hosts.
 */
package io.uapiguard.admin;
