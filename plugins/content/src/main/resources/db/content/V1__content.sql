-- The content plugin's tables: posts with their review workflow and history, their images (files
-- under the plugin's files folder), one delivery per post and channel that the publisher claims,
-- retries and records, and engagement figures per post, channel and day. Instants UTC ISO text,
-- days shop-local ISO text.

CREATE TABLE content_posts (
    id            ${pk},
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('copy', 'recommendation', 'rules', 'story')),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'review', 'approved', 'scheduled', 'published', 'failed')),
    scheduled_at  TEXT,
    campaign      TEXT,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    approved_by   TEXT,
    approved_at   TEXT
);
CREATE INDEX content_posts_by_time ON content_posts (shop_id, scheduled_at);

CREATE TABLE content_post_products (
    post_id  BIGINT NOT NULL REFERENCES content_posts (id) ON DELETE CASCADE,
    shop_id  BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    sku      TEXT NOT NULL,
    PRIMARY KEY (post_id, sku)
);

-- Every status change with who made it, when and why.
CREATE TABLE content_post_history (
    id        ${pk},
    post_id   BIGINT NOT NULL REFERENCES content_posts (id) ON DELETE CASCADE,
    shop_id   BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    from_status TEXT,
    to_status TEXT NOT NULL,
    by_user   TEXT NOT NULL,
    at        TEXT NOT NULL,
    note      TEXT
);
CREATE INDEX content_post_history_by_post ON content_post_history (post_id, id);

CREATE TABLE content_images (
    id            ${pk},
    post_id       BIGINT NOT NULL REFERENCES content_posts (id) ON DELETE CASCADE,
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    stored_name   TEXT NOT NULL,
    original_name TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          BIGINT NOT NULL,
    sha256        TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX content_images_by_post ON content_images (post_id, id);

-- One per post and channel. The publisher claims a due one with a single UPDATE that only a pending
-- (or abandoned) row matches, so two hosts on one database never both publish it; the idempotency key
-- stays the same over every attempt, so the other side can drop a repeat after a crash.
CREATE TABLE content_deliveries (
    post_id          BIGINT NOT NULL REFERENCES content_posts (id) ON DELETE CASCADE,
    shop_id          BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    channel          TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('waiting', 'pending', 'claimed', 'published', 'failed')),
    idempotency_key  TEXT NOT NULL,
    due_at           TEXT,
    next_attempt_at  TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    claimed_by       TEXT,
    claimed_until    TEXT,
    external_id      TEXT,
    last_error       TEXT,
    published_at     TEXT,
    PRIMARY KEY (post_id, channel)
);
CREATE INDEX content_deliveries_due ON content_deliveries (state, next_attempt_at);

CREATE TABLE content_engagement (
    shop_id   BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    post_id   BIGINT NOT NULL REFERENCES content_posts (id) ON DELETE CASCADE,
    channel   TEXT NOT NULL,
    day       TEXT NOT NULL,
    views     BIGINT NOT NULL,
    likes     BIGINT NOT NULL,
    comments  BIGINT NOT NULL,
    clicks    BIGINT NOT NULL,
    PRIMARY KEY (post_id, channel, day)
);
