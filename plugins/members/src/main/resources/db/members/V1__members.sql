-- The members plugin's tables: customers' contact data and tags (the core knows buyers only by their
-- id), weekly snapshots of each customer's RFM segment for the movement between segments, and the
-- actions sent to an audience with the random holdout each kept back. Days shop-local ISO text;
-- instants UTC ISO text. Tiers, points and the measurement rules are plugin settings.

-- Contact data as a member list export gives it; a list imported again replaces a customer's row.
CREATE TABLE members_contacts (
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    external_id  TEXT NOT NULL,
    name         TEXT,
    phone        TEXT,
    email        TEXT,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (shop_id, external_id)
);

-- Tags by the buyer's id in the source system, so they are kept for a buyer whose orders come later.
CREATE TABLE members_tags (
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    external_id  TEXT NOT NULL,
    tag          TEXT NOT NULL,
    PRIMARY KEY (shop_id, external_id, tag)
);
CREATE INDEX members_tags_by_tag ON members_tags (shop_id, tag);

-- Each customer's segment and spend on a snapshot day (taken weekly by a job, or when asked), so the
-- briefing reads movement and segment sizes with one aggregate query instead of scoring every customer.
CREATE TABLE members_snapshots (
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    customer_id  BIGINT NOT NULL,
    segment      TEXT NOT NULL,
    monetary     BIGINT NOT NULL,
    PRIMARY KEY (shop_id, day, customer_id)
);

-- An offer sent to an audience. The audience as it was asked for is kept as JSON, to show what it was.
CREATE TABLE members_actions (
    id            ${pk},
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    offer         TEXT NOT NULL CHECK (offer IN ('first-order-coupon', 'member-price', 'win-back-coupon')),
    offer_text    TEXT NOT NULL,
    holdout_share DOUBLE PRECISION NOT NULL,
    audience      TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    sent_on       TEXT,
    measure_days  INTEGER NOT NULL
);
CREATE INDEX members_actions_by_shop ON members_actions (shop_id, created_at);

-- Who an action was for: treated (holdout 0) or kept back at random (holdout 1), with the segment
-- and tier they had when the action was made.
CREATE TABLE members_action_customers (
    action_id    BIGINT NOT NULL REFERENCES members_actions (id) ON DELETE CASCADE,
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    customer_id  BIGINT NOT NULL,
    external_id  TEXT NOT NULL,
    holdout      SMALLINT NOT NULL,
    segment      TEXT NOT NULL,
    tier         TEXT,
    PRIMARY KEY (action_id, customer_id)
);
