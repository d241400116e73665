-- The shop's core data, which every plugin reads: products, customers, orders and their lines,
-- refunds, traffic by day and source, behaviour events, targets and reviews; and the import jobs.
-- Money in minor units (BIGINT); shop-local days as ISO dates (TEXT, YYYY-MM-DD); instants as fixed-width
-- UTC text (see TimeAsText), so text order is time order on both databases.

CREATE TABLE products (
    id          ${pk},
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    sku         TEXT NOT NULL,
    title       TEXT NOT NULL,
    category    TEXT,
    price       BIGINT,
    cost        BIGINT,
    stock       BIGINT,
    status      TEXT NOT NULL,
    listed_on   TEXT,
    UNIQUE (shop_id, sku)
);

CREATE TABLE customers (
    id           ${pk},
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    external_id  TEXT NOT NULL,
    first_order  TEXT,
    last_order   TEXT,
    orders       BIGINT NOT NULL DEFAULT 0,
    spent        BIGINT NOT NULL DEFAULT 0,
    UNIQUE (shop_id, external_id)
);

CREATE TABLE orders (
    id           ${pk},
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    external_id  TEXT NOT NULL,
    customer_id  BIGINT REFERENCES customers (id),
    created_at   TEXT NOT NULL,
    day          TEXT NOT NULL,
    paid_at      TEXT,
    status       TEXT NOT NULL,
    amount       BIGINT NOT NULL,
    -- 1 when amount is the sum of the lines, 0 when the export stated it (shipping, discounts)
    amount_from_lines SMALLINT NOT NULL,
    source       TEXT,
    -- the lines' count and the sum of their hashes: a re-import with the same lines skips them
    line_count   BIGINT NOT NULL,
    lines_digest BIGINT NOT NULL,
    UNIQUE (shop_id, external_id)
);
CREATE INDEX orders_by_day ON orders (shop_id, day);
CREATE INDEX orders_by_customer ON orders (customer_id);

CREATE TABLE order_lines (
    id          ${pk},
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    order_id    BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- identifies the line within its order across imports: a hash of sku, quantity, unit price, repeat number
    line_hash   BIGINT NOT NULL,
    product_id  BIGINT REFERENCES products (id) ON DELETE SET NULL,
    sku         TEXT NOT NULL,
    title       TEXT NOT NULL,
    quantity    BIGINT NOT NULL,
    unit_price  BIGINT NOT NULL,
    amount      BIGINT NOT NULL,
    UNIQUE (order_id, line_hash)
);

CREATE TABLE refunds (
    id          ${pk},
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    order_id    BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- the source's refund id, or 'order' for the refund an order export states
    refund_key  TEXT NOT NULL,
    at          TEXT NOT NULL,
    day         TEXT NOT NULL,
    amount      BIGINT NOT NULL,
    reason      TEXT,
    UNIQUE (order_id, refund_key)
);
CREATE INDEX refunds_by_day ON refunds (shop_id, day);

CREATE TABLE traffic_days (
    shop_id          BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day              TEXT NOT NULL,
    source           TEXT NOT NULL,
    uv               BIGINT NOT NULL,
    pv               BIGINT NOT NULL,
    bounce_rate      DOUBLE PRECISION,
    avg_stay_seconds DOUBLE PRECISION,
    buyers           BIGINT NOT NULL,
    paid_amount      BIGINT NOT NULL,
    PRIMARY KEY (shop_id, day, source)
);

CREATE TABLE behaviour_events (
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    item_id      TEXT NOT NULL,
    category_id  TEXT NOT NULL,
    type         TEXT NOT NULL,
    at           TEXT NOT NULL,
    day          TEXT NOT NULL,
    PRIMARY KEY (shop_id, user_id, item_id, type, at)
);
CREATE INDEX behaviour_events_by_day ON behaviour_events (shop_id, day);

CREATE TABLE targets (
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    metric      TEXT NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (shop_id, period_from, period_to, metric)
);

CREATE TABLE reviews (
    id          ${pk},
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    review_key  TEXT NOT NULL,
    product_id  BIGINT REFERENCES products (id) ON DELETE SET NULL,
    sku         TEXT NOT NULL,
    rating      INTEGER NOT NULL,
    text        TEXT NOT NULL,
    day         TEXT NOT NULL,
    UNIQUE (shop_id, review_key)
);
CREATE INDEX reviews_by_day ON reviews (shop_id, day);

-- Imports started over HTTP run as jobs; their progress and outcome are kept here.
CREATE TABLE import_jobs (
    id           TEXT PRIMARY KEY,
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    format       TEXT,
    file_name    TEXT NOT NULL,
    dry_run      SMALLINT NOT NULL,
    state        TEXT NOT NULL,
    bytes_total  BIGINT NOT NULL,
    bytes_read   BIGINT NOT NULL,
    summary      TEXT,
    message      TEXT,
    created_by   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    finished_at  TEXT
);
