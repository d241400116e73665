-- The core's first tables: shops, each plugin's settings per shop, and durable jobs.
CREATE TABLE shops (
    id          ${pk},
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    platform    TEXT NOT NULL,
    currency    TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE settings (
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    plugin_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (shop_id, plugin_id, name)
);

CREATE TABLE jobs (
    plugin_id        TEXT NOT NULL,
    name             TEXT NOT NULL,
    interval_seconds BIGINT NOT NULL,
    next_due_at      TEXT NOT NULL,
    last_run_at      TEXT,
    last_error       TEXT,
    PRIMARY KEY (plugin_id, name)
);
