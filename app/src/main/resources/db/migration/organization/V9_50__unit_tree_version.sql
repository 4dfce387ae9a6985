-- The unit tree changes a few times a year and is read by almost every request (region pickers, scope trees,
-- routing): each node keeps the whole active tree in memory and reloads it when this number has moved. Every
-- statement that changes organization.unit moves it, in the same transaction, so a node that reads the number
-- sees exactly the tree that goes with it — on every node of a cluster, with no message between them.
CREATE TABLE organization.unit_tree_version (
    id      INT    PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO organization.unit_tree_version VALUES (1, 1);

CREATE FUNCTION organization.bump_unit_tree_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organization.unit_tree_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER unit_tree_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization.unit
    FOR EACH STATEMENT EXECUTE FUNCTION organization.bump_unit_tree_version();
