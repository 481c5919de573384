-- giaoban document format, schema version 2 (from version 1).
-- A unit's first day beside its last: counts over units as of a day, and a past month's
-- grid and ranks, use the units of that day. NULL: the unit was there from the start.
-- A meeting's signer: the person whose name closes the notice of its conclusions.

ALTER TABLE unit ADD COLUMN joined_on TEXT
    CHECK (joined_on IS NULL OR joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
ALTER TABLE meeting ADD COLUMN signer_id INTEGER REFERENCES person(id);
