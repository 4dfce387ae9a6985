-- Work lists (工作台收件箱) over 100k+ petitions: the earliest due date of the clocks a unit still owes
-- is kept on the petition row by PetitionLifecycle, so inboxes sort, page and count by deadline from an
-- index instead of looking up the clocks of every petition in scope.
ALTER TABLE petition.petition ADD COLUMN next_due_date DATE;

UPDATE petition.petition p SET next_due_date = (
    SELECT min(c.due_date) FROM deadline.clock c
    WHERE c.subject_id = p.id AND c.state = 'RUNNING' AND c.unit_id IS NOT NULL);

CREATE INDEX petition_next_due_idx ON petition.petition (next_due_date, received_at DESC, id);
CREATE INDEX petition_received_id_idx ON petition.petition (received_at DESC, id);
-- the queue counts of an inbox read only these columns: an index-only scan instead of the wide rows
CREATE INDEX petition_tally_idx ON petition.petition (current_unit_id, status)
    INCLUDE (id, channel, next_due_date, pending_kind, confidential);
-- 待审批: what awaits the head of a unit
CREATE INDEX petition_pending_idx ON petition.petition (current_unit_id) WHERE pending_kind IS NOT NULL;
-- linked repeat petitions of a case
CREATE INDEX petition_repeat_of_idx ON petition.petition (repeat_of) WHERE repeat_of IS NOT NULL;
-- the search box looks in the content too
CREATE INDEX petition_content_trgm_idx ON petition.petition USING gin (content gin_trgm_ops);
