-- giaoban document format, schema version 2 (from version 1).
-- A unit's first day beside its last: counts over units as of a day, and a past month's
-- grid and ranks, use the units of that day. NULL: the unit was there from the start.
-- A meeting's signer: the person whose name closes the notice of its conclusions.

ALTER TABLE unit ADD COLUMN joined_on TEXT
    CHECK (joined_on IS NULL OR joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
ALTER TABLE meeting ADD COLUMN signer_id INTEGER REFERENCES person(id);

-- An action item may be saved before its text is written (a new row, empty, with a grey hint
-- in the window; the notice leaves it out): the text may be empty.
CREATE TABLE action_item_v2 (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    meeting_id       INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    conclusion_id    INTEGER REFERENCES conclusion(id) ON DELETE SET NULL,
    unit_id          INTEGER REFERENCES unit(id),
    text             TEXT NOT NULL CHECK (length(trim(text)) <= 2000),
    deadline         TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
                                 OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    status           TEXT NOT NULL CHECK (status IN ('open','done','cancelled')),
    completed_on     TEXT CHECK (completed_on IS NULL OR completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    completion_note  TEXT NOT NULL DEFAULT '',
    sort_order       INTEGER NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (status <> 'done' OR completed_on IS NOT NULL)
);
INSERT INTO action_item_v2 SELECT * FROM action_item;
DROP TABLE action_item;
ALTER TABLE action_item_v2 RENAME TO action_item;
