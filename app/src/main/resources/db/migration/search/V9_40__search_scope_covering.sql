-- A search scores every match before it keeps the best page, and checks each match against the caller's scope
-- (PetitionScope: confidential? which unit holds it? status filter). With this index the check reads the
-- index alone (index-only scan) instead of each match's whole petition row, which is wide (title, text) and
-- scattered: at 1,000,000 petitions a common pair of words matched 31,000 rows and their 32,000 heap pages
-- were half the statement's time.
CREATE INDEX search_petition_scope_idx ON petition.petition (id) INCLUDE (confidential, current_unit_id, status);
