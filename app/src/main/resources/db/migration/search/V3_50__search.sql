-- 全文检索: the search module's own index of petition texts, kept from petition events. The words are
-- segmented by the application (smartcn + place names) and stored verbatim as lexemes
-- (array_to_tsvector, no parser), title words weighted A, the petition's text B, the reply C; queries
-- are built from the same segmenter as tsquery literals. Trigrams of the title catch what segmentation
-- misses (typos, numbers, names).
CREATE SCHEMA search;

CREATE TABLE search.petition_text (
    petition_id UUID        PRIMARY KEY,
    number      TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    content     TEXT        NOT NULL,
    reply       TEXT,
    category    TEXT,
    region_code TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    terms       TSVECTOR    NOT NULL,
    indexed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX petition_text_terms_idx ON search.petition_text USING gin (terms);
CREATE INDEX petition_text_title_trgm_idx ON search.petition_text USING gin (title gin_trgm_ops);
CREATE INDEX petition_text_received_idx ON search.petition_text (received_at DESC);
-- a search for a petition number must not force a sequential scan of the OR above
CREATE UNIQUE INDEX petition_text_number_idx ON search.petition_text (number);
