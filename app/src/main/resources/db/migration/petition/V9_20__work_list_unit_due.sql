-- Work lists at 1,000,000 petitions: what one unit holds, by deadline. 本单位在办 lists and their 已超期 /
-- 即将超期 counts read this range directly instead of AND-ing a bitmap of every petition the unit holds
-- (45,740 for the city 信访局) with one of every petition due; the page of a unit's list comes in order.
CREATE INDEX petition_unit_due_idx ON petition.petition (current_unit_id, next_due_date, received_at DESC, id)
    INCLUDE (status, confidential);
