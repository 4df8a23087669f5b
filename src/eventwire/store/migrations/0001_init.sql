-- eventwire store, migration 0001: articles and their annotations (source: eventwire CONTRACT.md, schema 1).
-- One row per article; ``seq`` keeps ingest order, ``id`` (given id or content hash) makes ingest idempotent.
CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    url         TEXT,
    outlet      TEXT,
    title       TEXT,
    published   TEXT,
    language    TEXT,
    byline      TEXT,
    origin      TEXT,
    text        TEXT NOT NULL DEFAULT '',
    failed      INTEGER NOT NULL DEFAULT 0,
    errors      TEXT NOT NULL DEFAULT '[]',   -- JSON list of {code, stage, message}
    record      TEXT NOT NULL,                -- the full contract record (JSON)
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT,
    country    TEXT,
    role       TEXT,
    mentions   TEXT NOT NULL DEFAULT '[]',   -- JSON list of [start, end]
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX actors_name ON actors(name);

CREATE TABLE quotes (
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    speaker         TEXT,
    speaker_country TEXT,
    speakers        TEXT NOT NULL DEFAULT '[]',
    text            TEXT NOT NULL,
    kind            TEXT,
    verb            TEXT,
    "start"         INTEGER,
    "end"           INTEGER,
    closed          INTEGER,
    event           INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE events (
    article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    type             TEXT NOT NULL,
    mode             TEXT,
    cameo            TEXT,
    source           TEXT,
    source_country   TEXT,
    source_role      TEXT,
    target           TEXT,
    target_country   TEXT,
    target_role      TEXT,
    date             TEXT,
    location         TEXT,
    location_country TEXT,
    evidence         TEXT,
    "start"          INTEGER,
    "end"            INTEGER,
    confidence       REAL,
    trigger          TEXT,
    quote            INTEGER,
    spans            TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);

CREATE TABLE figures (
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    category      TEXT NOT NULL,
    count         INTEGER,
    count_max     INTEGER,
    vague         INTEGER,
    victims       TEXT,
    location      TEXT,
    attributed_to TEXT,
    evidence      TEXT,
    "start"       INTEGER,
    "end"         INTEGER,
    event         INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE errors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    code       TEXT NOT NULL,
    stage      TEXT,
    message    TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX errors_code ON errors(code);
