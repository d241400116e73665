-- The shop's diary. The host replaces ${pk} with an auto-numbered primary key, on SQLite and on PostgreSQL.
CREATE TABLE ${pluginId}_notes (
    id          ${pk},
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    text        TEXT NOT NULL,
    author      TEXT NOT NULL,
    written_at  TEXT NOT NULL
);
CREATE INDEX ${pluginId}_notes_by_day ON ${pluginId}_notes (shop_id, day);
