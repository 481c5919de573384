-- giaoban document format, schema version 3 (from version 2): small enough to e-mail at the
-- scale of 126 and 3,300 units, quick to open and check.
--
-- Scores: one row per unit and period (it was one row per cell, with its own UUID, a text
-- timestamp and two indexes: about 190 bytes a cell; a row per cell also costs a check at
-- every open, and a year's results, about 200 ns a row on millions of rows). A row holds the unit's values of the
-- period as JSON objects from a criterion's id (a row of `criterion`) to the value, one for
-- the unit's own score and one for the appraised score, e.g. {"231":0.875,"232":76.1}: a person
-- opening the file in DB Browser for SQLite still reads a cell. A cell's identity is (period,
-- unit, criterion) in every copy of a file. The time is in seconds since 1970 (UTC). A row
-- of 60 criteria is over 1 KB: a table with a rowid keeps it on its page (a table WITHOUT
-- ROWID would put the end of every such row on a page of its own).
-- The CHECKs are those a check at every open can afford on millions of cells: an object of
-- non-negative numbers as this program writes it (no ":-"); the reader refuses
-- anything else in it as damage.

CREATE TABLE score_v3 (
    period_id        INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
    unit_id          INTEGER NOT NULL REFERENCES unit(id),
    self_values      TEXT NOT NULL DEFAULT '{}'
                     CHECK (self_values GLOB '{*}' AND instr(self_values, ':-') = 0 AND length(self_values) <= 200000),
    appraised_values TEXT NOT NULL DEFAULT '{}'
                     CHECK (appraised_values GLOB '{*}' AND instr(appraised_values, ':-') = 0 AND length(appraised_values) <= 200000),
    updated_at       INTEGER NOT NULL CHECK (updated_at >= 0),
    PRIMARY KEY (period_id, unit_id)
);

INSERT INTO score_v3 (period_id, unit_id, self_values, appraised_values, updated_at)
SELECT period_id, unit_id,
       coalesce(json_group_object(CAST(criterion_id AS TEXT), self_value) FILTER (WHERE self_value IS NOT NULL), '{}'),
       coalesce(json_group_object(CAST(criterion_id AS TEXT), appraised_value) FILTER (WHERE appraised_value IS NOT NULL), '{}'),
       max(coalesce(unixepoch(updated_at), 0))
FROM score GROUP BY period_id, unit_id ORDER BY period_id, unit_id;

-- The few cells with a note or evidence, one row each.
CREATE TABLE score_note (
    period_id    INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    evidence     TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 2000),
    updated_at   INTEGER NOT NULL CHECK (updated_at >= 0),
    PRIMARY KEY (period_id, unit_id, criterion_id),
    CHECK (note <> '' OR evidence <> '')
) WITHOUT ROWID;

INSERT INTO score_note (period_id, unit_id, criterion_id, note, evidence, updated_at)
SELECT period_id, unit_id, criterion_id, note, evidence, coalesce(unixepoch(updated_at), 0)
FROM score WHERE note <> '' OR evidence <> '' ORDER BY period_id, unit_id, criterion_id;

DROP TABLE score;
ALTER TABLE score_v3 RENAME TO score;

-- The audit log: complete but compact. A row is appended once and never changed, so it needs
-- no UUID and no time of change besides its own `at`. From this version an import or a paste
-- of many cells says how many; rows written before keep what they said (every cell), as
-- history is not rewritten.
CREATE TABLE audit_v3 (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_uuid TEXT,
    before      TEXT CHECK (before IS NULL OR json_valid(before)),
    after       TEXT CHECK (after IS NULL OR json_valid(after))
);

INSERT INTO audit_v3 (id, at, who, action, entity, entity_uuid, before, after)
SELECT id, at, who, action, entity, entity_uuid, before, after FROM audit_log ORDER BY id;

DROP TABLE audit_log;
ALTER TABLE audit_v3 RENAME TO audit_log;
