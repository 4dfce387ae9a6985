/**
 * 全文检索: full-text search over petitions and their replies in Chinese — words segmented by the
 * application ({@link org.xinfang.search.ChineseSegmenter}), stored as a PostgreSQL {@code tsvector}
 * ({@code simple} configuration, GIN) in this module's own index table, maintained from petition
 * events, plus trigram similarity for fuzzy matches; always limited to the caller's scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Full-text search")
package org.xinfang.search;
