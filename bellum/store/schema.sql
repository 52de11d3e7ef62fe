-- bellum knowledge base: plain SQLite tables (Datasette opens the file as it is).
-- Every row is derived from one article (articles.id) except the entity tables
-- (actors, persons, places, conflicts, aliases), which the resolve pass keeps in step.
-- docs/schema.md explains each table with a diagram.

PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One input article; `content_hash` makes re-ingest idempotent.
CREATE TABLE IF NOT EXISTS articles (
    id           TEXT PRIMARY KEY,          -- slug of the title: battle-of-in-khalil
    title        TEXT NOT NULL,
    source       TEXT NOT NULL,             -- the file it was read from
    format       TEXT,                      -- plaintext | wikitext
    template     TEXT,
    content_hash TEXT NOT NULL,             -- sha256 of the article (and extractor version)
    has_prose    INTEGER NOT NULL,          -- 1 when the article has sections
    size         INTEGER NOT NULL,          -- characters of infobox + prose
    record       TEXT NOT NULL,             -- the extraction record (JSON) as extracted
    fts_rowid    INTEGER NOT NULL,          -- its row in `search`
    ingested_at  TEXT NOT NULL              -- UTC ISO time: the only non-deterministic column
);

-- Text the acronym learner reads ("Arab Movement of Azawad (MAA)"), kept per article so the
-- resolver is rebuilt from the articles stored, whatever order they came in.
CREATE TABLE IF NOT EXISTS acronym_texts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, pos)
);

CREATE TABLE IF NOT EXISTS places (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    where_prec INTEGER
);

CREATE TABLE IF NOT EXISTS conflicts (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    parent_id TEXT REFERENCES conflicts(id) ON DELETE SET NULL,  -- the part-of tree
    battle_id TEXT                                              -- the article about it, if any
);

CREATE TABLE IF NOT EXISTS actors (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS persons (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

-- Every name met, per kind, and the entity it resolves to (the resolution link).
CREATE TABLE IF NOT EXISTS aliases (
    kind      TEXT NOT NULL,                -- actor | person | place | conflict
    name      TEXT NOT NULL,                -- as written: MOJWA
    folded    TEXT NOT NULL,                -- lookup key: ASCII, lowercase (mojwa)
    entity_id TEXT NOT NULL,                -- as resolved: mujao
    PRIMARY KEY (kind, name)
);
CREATE INDEX IF NOT EXISTS aliases_entity ON aliases (kind, entity_id);
CREATE INDEX IF NOT EXISTS aliases_folded ON aliases (kind, folded);

-- Why names share an entity: the resolver's links (alias table, acronym, same-name rule).
CREATE TABLE IF NOT EXISTS resolution_links (
    pos    INTEGER PRIMARY KEY,             -- the order the links were made in
    kind   TEXT NOT NULL,
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    reason TEXT NOT NULL                    -- alias table (...) | acronym defined in text: ...
);

-- Acronyms defined in the stored articles: `Arab Movement of Azawad (MAA)`.
CREATE TABLE IF NOT EXISTS acronyms (
    short      TEXT NOT NULL,
    long       TEXT NOT NULL,
    definition TEXT NOT NULL,
    PRIMARY KEY (short, long)
);

CREATE TABLE IF NOT EXISTS battles (
    id              TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    date_text       TEXT,
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT,
    date_prec       INTEGER,
    date_approximate INTEGER,
    calendar        TEXT,
    place_text      TEXT,
    place_name      TEXT,                   -- the name the place entity was resolved from
    place_id        TEXT REFERENCES places(id),
    place_relation  TEXT,
    country         TEXT,
    latitude        REAL,
    longitude       REAL,
    where_prec      INTEGER,
    result_text     TEXT,
    outcome         TEXT,
    victor_sides    TEXT                    -- JSON list of side indexes: [2]
);
CREATE INDEX IF NOT EXISTS battles_title ON battles (title COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS battles_place ON battles (place_id);

CREATE TABLE IF NOT EXISTS battle_conflicts (
    battle_id   TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    conflict_id TEXT NOT NULL REFERENCES conflicts(id),
    PRIMARY KEY (battle_id, pos)
);
CREATE INDEX IF NOT EXISTS battle_conflicts_conflict ON battle_conflicts (conflict_id);

CREATE TABLE IF NOT EXISTS sides (
    battle_id TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,             -- the infobox number: combatant2 -> 2
    victor    INTEGER NOT NULL,             -- 1 when the result names this side
    PRIMARY KEY (battle_id, idx)
);

CREATE TABLE IF NOT EXISTS side_actors (
    battle_id TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    side_idx  INTEGER NOT NULL,
    pos       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    aliases   TEXT NOT NULL,                -- JSON list of other names the article gives: ["MAA"]
    actor_id  TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (battle_id, side_idx, pos)
);
CREATE INDEX IF NOT EXISTS side_actors_actor ON side_actors (actor_id);

CREATE TABLE IF NOT EXISTS side_commanders (
    battle_id TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    side_idx  INTEGER NOT NULL,
    pos       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id),
    fate      TEXT,
    PRIMARY KEY (battle_id, side_idx, pos)
);
CREATE INDEX IF NOT EXISTS side_commanders_person ON side_commanders (person_id);

CREATE TABLE IF NOT EXISTS side_units (
    battle_id TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    side_idx  INTEGER NOT NULL,
    pos       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (battle_id, side_idx, pos)
);

-- One attributed statement: an infobox strength/losses claim or a prose claim.
CREATE TABLE IF NOT EXISTS claims (
    id        TEXT PRIMARY KEY,             -- battle id + '#' + ordinal: battle-of-x#3
    battle_id TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    origin    TEXT NOT NULL,                -- strength | losses | other_losses | prose
    side_idx  INTEGER,                      -- null for overall/civilian/unknown side
    scope     TEXT,                         -- side | overall | civilians | other
    source    TEXT,                         -- who makes it: MUJAO
    source_actor_id TEXT,                   -- the source resolved as an actor
    speaker   TEXT,
    date      TEXT,
    section   TEXT,
    text      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_battle ON claims (battle_id);

CREATE TABLE IF NOT EXISTS figures (
    claim_id    TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    battle_id   TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    unit        TEXT NOT NULL,
    low         INTEGER,
    high        INTEGER,
    approximate INTEGER NOT NULL,
    bound       TEXT,
    subject     TEXT,
    text        TEXT,
    PRIMARY KEY (claim_id, pos)
);
CREATE INDEX IF NOT EXISTS figures_battle ON figures (battle_id);

-- Reconciled low/best/high per battle, side, scope and category, traceable to claims.
CREATE TABLE IF NOT EXISTS views (
    id        TEXT PRIMARY KEY,             -- battle id + '/' + ordinal
    battle_id TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    side_idx  INTEGER,
    scope     TEXT NOT NULL,
    category  TEXT NOT NULL,
    unit      TEXT NOT NULL,
    low       INTEGER,
    best      INTEGER,
    high      INTEGER,
    rule      TEXT NOT NULL,                -- how best was chosen
    claim_ids TEXT NOT NULL                 -- JSON list; also in view_claims
);
CREATE INDEX IF NOT EXISTS views_battle ON views (battle_id);

CREATE TABLE IF NOT EXISTS view_claims (
    view_id  TEXT NOT NULL REFERENCES views(id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    PRIMARY KEY (view_id, claim_id)
);

CREATE TABLE IF NOT EXISTS events (
    battle_id TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    date      TEXT,
    date_text TEXT,
    text      TEXT NOT NULL,
    section   TEXT,
    actors    TEXT,                         -- JSON list of names
    PRIMARY KEY (battle_id, pos)
);

CREATE TABLE IF NOT EXISTS flags (
    battle_id TEXT NOT NULL REFERENCES battles(id) ON DELETE CASCADE,
    pos       INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    field     TEXT NOT NULL,
    text      TEXT NOT NULL,
    message   TEXT,
    PRIMARY KEY (battle_id, pos)
);

-- Full-text search over titles, names (belligerents, commanders, places, conflicts) and prose.
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5 (
    battle_id UNINDEXED,
    title,
    names,
    prose,
    tokenize = 'unicode61 remove_diacritics 2'
);
