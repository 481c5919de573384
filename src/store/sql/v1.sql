-- giaoban document format, schema version 1.
-- Every row has a stable `uuid` (so two copies of a file can be compared and merged row by row)
-- and `updated_at` (RFC 3339, UTC). Integer `id`s are local to one file; UUIDs travel.
-- CHECK constraints repeat the ranges that src/domain enforces, so a hand-edited or hostile file
-- cannot hold values the program would never write.

CREATE TABLE body (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind        TEXT NOT NULL CHECK (kind IN ('country','province','city','district','commune','ward','department','committee')),
    parent_id   INTEGER REFERENCES body(id) ON DELETE SET NULL,
    is_home     INTEGER NOT NULL DEFAULT 0 CHECK (is_home IN (0, 1)),
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX body_one_home ON body(is_home) WHERE is_home = 1;

CREATE TABLE unit (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    body_id     INTEGER NOT NULL REFERENCES body(id),
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind        TEXT NOT NULL CHECK (kind IN ('ward','commune','department','office')),
    sort_order  INTEGER NOT NULL,
    retired_on  TEXT CHECK (retired_on IS NULL OR retired_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    updated_at  TEXT NOT NULL
);
CREATE INDEX unit_order ON unit(body_id, sort_order);

CREATE TABLE person (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    title       TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 300),
    unit_id     INTEGER REFERENCES unit(id),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at  TEXT NOT NULL
);

-- Plans: a government resolution, a city plan, a district plan... linked upwards.
CREATE TABLE plan (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    number           TEXT NOT NULL CHECK (length(number) <= 60),
    title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 500),
    issuer           TEXT NOT NULL DEFAULT '',
    level            TEXT NOT NULL CHECK (level IN ('government','city','province','district','commune','ward','committee')),
    issued_on        TEXT CHECK (issued_on IS NULL OR issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    start_year       INTEGER NOT NULL CHECK (start_year BETWEEN 1990 AND 2100),
    end_year         INTEGER NOT NULL CHECK (end_year BETWEEN start_year AND 2100),
    orientation_year INTEGER CHECK (orientation_year IS NULL OR orientation_year BETWEEN end_year AND 2100),
    parent_id        INTEGER REFERENCES plan(id) ON DELETE SET NULL,
    legal_basis      TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL CHECK (status IN ('draft','in_force','completed','superseded')),
    updated_at       TEXT NOT NULL
);

-- Deadlines are a day (2018-01-31), a month (2018-01), a quarter (2018-Q1) or a year (2018).
CREATE TABLE target (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    code         TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    text         TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 1000),
    kind         TEXT NOT NULL CHECK (kind IN ('percent','count','yes_no')),
    scope        TEXT NOT NULL CHECK (scope IN ('body','units')),
    unit_kind    TEXT CHECK (unit_kind IS NULL OR unit_kind IN ('ward','commune','department','office')),
    comparison   TEXT NOT NULL CHECK (comparison IN ('at_least','more_than','at_most')),
    baseline     REAL,
    target_value REAL NOT NULL CHECK (target_value >= 0),
    deadline     TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
                             OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    sort_order   INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (kind <> 'percent' OR target_value <= 100),
    UNIQUE (plan_id, code)
);

CREATE TABLE target_measurement (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    target_id   INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,
    value       REAL NOT NULL CHECK (value >= 0),
    as_of       TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    source      TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);
CREATE INDEX target_measurement_by_target ON target_measurement(target_id, as_of);

-- Per-unit checklist of a target counted over the units ("11 of 14 wards connected").
CREATE TABLE target_unit_check (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    target_id   INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    as_of       TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    met         INTEGER NOT NULL CHECK (met IN (0, 1)),
    value       REAL,
    note        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    UNIQUE (target_id, unit_id, as_of)
);

CREATE TABLE task (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    text        TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    deadline    TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
                            OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    status      TEXT NOT NULL CHECK (status IN ('not_started','in_progress','done','cancelled')),
    note        TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE task_unit (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    task_id     INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    updated_at  TEXT NOT NULL,
    UNIQUE (task_id, unit_id)
);

-- Evaluation models and their yearly criteria sets.
CREATE TABLE model (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    slug        TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z]*' AND length(slug) <= 40),
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 300),
    cadence     TEXT NOT NULL CHECK (cadence IN ('monthly','yearly')),
    unit_kinds  TEXT NOT NULL,            -- comma-separated unit kinds scored by this model
    pass_fail   INTEGER NOT NULL CHECK (pass_fail IN (0, 1)),
    updated_at  TEXT NOT NULL
);

CREATE TABLE criteria_set (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    model_id      INTEGER NOT NULL REFERENCES model(id),
    year          INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    title         TEXT NOT NULL DEFAULT '',
    decision_ref  TEXT NOT NULL DEFAULT '',
    pass_rule     TEXT CHECK (pass_rule IS NULL OR pass_rule IN ('all_required','min_percent')),
    pass_min_pct  REAL CHECK (pass_min_pct IS NULL OR pass_min_pct BETWEEN 0 AND 100),
    updated_at    TEXT NOT NULL,
    UNIQUE (model_id, year)
);

CREATE TABLE criteria_group (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    set_id      INTEGER NOT NULL REFERENCES criteria_set(id) ON DELETE CASCADE,
    code        TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 300),
    sort_order  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (set_id, code)
);

-- kind: points (0..max in steps), yes_no (max or 0), rate (% -> points), count (-> points by
-- thresholds), bonus (adds, capped at max), penalty (subtracts, capped at max).
-- thresholds: JSON array of [at_least, points] pairs, highest first, for rate/count by thresholds.
CREATE TABLE criterion (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    group_id          INTEGER NOT NULL REFERENCES criteria_group(id) ON DELETE CASCADE,
    code              TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    name              TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 500),
    guidance          TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL CHECK (kind IN ('points','yes_no','rate','count','bonus','penalty')),
    max_points        REAL NOT NULL CHECK (max_points > 0 AND max_points <= 1000),
    step              REAL NOT NULL CHECK (step > 0 AND step <= max_points),
    rate_mode         TEXT CHECK (rate_mode IS NULL OR rate_mode IN ('proportional','thresholds')),
    thresholds        TEXT CHECK (thresholds IS NULL OR json_valid(thresholds)),
    evidence_required INTEGER NOT NULL DEFAULT 0 CHECK (evidence_required IN (0, 1)),
    required_for_pass INTEGER NOT NULL DEFAULT 0 CHECK (required_for_pass IN (0, 1)),
    sort_order        INTEGER NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX criterion_by_group ON criterion(group_id, sort_order);

CREATE TABLE band (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    set_id      INTEGER NOT NULL REFERENCES criteria_set(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    lower_pct   REAL NOT NULL CHECK (lower_pct BETWEEN 0 AND 100),
    color       TEXT NOT NULL CHECK (color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
    updated_at  TEXT NOT NULL,
    UNIQUE (set_id, lower_pct)
);

-- A scoring period: a month (1..12) of a monthly model, or the whole year (month 0).
CREATE TABLE period (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    set_id        INTEGER NOT NULL REFERENCES criteria_set(id),
    month         INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
    status        TEXT NOT NULL CHECK (status IN ('draft','finalized','published')),
    finalized_at  TEXT,
    published_at  TEXT,
    updated_at    TEXT NOT NULL,
    UNIQUE (set_id, month)
);

CREATE TABLE score (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    period_id        INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
    unit_id          INTEGER NOT NULL REFERENCES unit(id),
    criterion_id     INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    self_value       REAL CHECK (self_value IS NULL OR self_value >= 0),
    appraised_value  REAL CHECK (appraised_value IS NULL OR appraised_value >= 0),
    note             TEXT NOT NULL DEFAULT '',
    evidence         TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL,
    UNIQUE (period_id, unit_id, criterion_id)
);
-- Covers the grid's read of a whole period (3,300 units × 60 criteria) without table lookups.
CREATE INDEX score_values ON score(period_id, unit_id, criterion_id, self_value, appraised_value);
-- The few cells with a note or evidence.
CREATE INDEX score_notes ON score(period_id) WHERE note <> '' OR evidence <> '';

CREATE TABLE meeting (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    held_on        TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    held_at_time   TEXT CHECK (held_at_time IS NULL OR held_at_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    title          TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 500),
    place          TEXT NOT NULL DEFAULT '',
    chair_id       INTEGER REFERENCES person(id),
    notice_number  TEXT NOT NULL DEFAULT '',
    notice_date    TEXT CHECK (notice_date IS NULL OR notice_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    updated_at     TEXT NOT NULL
);

CREATE TABLE attendance (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id   INTEGER REFERENCES person(id),
    name        TEXT NOT NULL DEFAULT '',   -- free text when the attendee is not in the people list
    title       TEXT NOT NULL DEFAULT '',
    unit_id     INTEGER REFERENCES unit(id),
    sort_order  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE agenda_item (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    meeting_id   INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    title        TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 1000),
    presenter_id INTEGER REFERENCES unit(id),
    sort_order   INTEGER NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE conclusion (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
    heading     TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL DEFAULT '',
    period_id   INTEGER REFERENCES period(id) ON DELETE SET NULL,
    set_id      INTEGER REFERENCES criteria_set(id) ON DELETE SET NULL,
    plan_id     INTEGER REFERENCES plan(id) ON DELETE SET NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (meeting_id, number)
);

CREATE TABLE action_item (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    meeting_id       INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    conclusion_id    INTEGER REFERENCES conclusion(id) ON DELETE SET NULL,
    unit_id          INTEGER REFERENCES unit(id),
    text             TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    deadline         TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
                                 OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    status           TEXT NOT NULL CHECK (status IN ('open','done','cancelled')),
    completed_on     TEXT CHECK (completed_on IS NULL OR completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    completion_note  TEXT NOT NULL DEFAULT '',
    sort_order       INTEGER NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (status <> 'done' OR completed_on IS NOT NULL)
);

-- Slides of a meeting's deck (chart kind + parameters as JSON), for the meeting room.
CREATE TABLE slide (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    meeting_id  INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    chart_kind  TEXT NOT NULL,
    params      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
    title       TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_uuid TEXT,
    before      TEXT CHECK (before IS NULL OR json_valid(before)),
    after       TEXT CHECK (after IS NULL OR json_valid(after)),
    updated_at  TEXT NOT NULL
);

CREATE TABLE setting (
    key         TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;
