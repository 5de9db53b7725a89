/**
 * PostgreSQL storage of repositories, revisions, models and stored comparisons (schema in {@code migrations/},
 * applied by Flyway; SQL through JdbcClient). The service reads history only through {@link io.uapiguard.store.HistoryQueries}.
 */
package io.uapiguard.store;
