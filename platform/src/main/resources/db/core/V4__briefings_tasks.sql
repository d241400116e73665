-- The operator's day: each day's stored morning briefing with its findings (so yesterday's can be
-- compared with today's), the task board that findings turn into, and the tasks' comments.
-- A briefing is stored per language, as its findings are written in words, not message keys; an
-- import marks the shop's briefings outdated, so the next reading makes them again.

CREATE TABLE briefings (
    id        ${pk},
    shop_id   BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day       TEXT NOT NULL,
    lang      TEXT NOT NULL,
    made_at   TEXT NOT NULL,
    took_ms   BIGINT NOT NULL,
    outdated  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (shop_id, day, lang)
);

-- finding_key names a finding across days (plugin, metric and its place among the plugin's findings
-- of that metric), so tomorrow's briefing can say what is new and what went away.
CREATE TABLE findings (
    id           ${pk},
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    briefing_id  BIGINT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    position     INTEGER NOT NULL,
    finding_key  TEXT NOT NULL,
    plugin       TEXT NOT NULL,
    severity     TEXT NOT NULL,
    title        TEXT NOT NULL,
    detail       TEXT,
    metric       TEXT,
    value        DOUBLE PRECISION,
    expected     DOUBLE PRECISION,
    unit         TEXT,
    suggestion   TEXT,
    role         TEXT,
    link         TEXT,
    impact       BIGINT NOT NULL,
    trend        TEXT,
    UNIQUE (briefing_id, finding_key)
);
CREATE INDEX findings_by_day ON findings (shop_id, day);

-- A task keeps a copy of the finding it came from (figures, as JSON), so the link back survives the
-- briefing being made again. check_key marks a recurring check; recurrence says when it reopens.
CREATE TABLE tasks (
    id           ${pk},
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    detail       TEXT,
    role         TEXT,
    assignee_id  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    due_day      TEXT,
    status       TEXT NOT NULL,
    finding_day  TEXT,
    finding_key  TEXT,
    figures      TEXT,
    recurrence   TEXT,
    check_key    TEXT,
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    done_at      TEXT,
    UNIQUE (shop_id, check_key)
);
CREATE INDEX tasks_by_status ON tasks (shop_id, status, due_day);

CREATE TABLE task_comments (
    id         ${pk},
    shop_id    BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    task_id    BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    user_name  TEXT NOT NULL,
    text       TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX task_comments_by_task ON task_comments (task_id, at);
