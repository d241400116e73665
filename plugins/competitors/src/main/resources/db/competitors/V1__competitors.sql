-- The competitors plugin's tables: the peer shops a shop follows (同行) and the daily snapshots of their
-- product lists it imports. Money in minor units; days shop-local ISO text; instants UTC ISO text.

-- A peer shop: 'ahead' sells better than we do, 'level' about the same. Imports find it by name.
CREATE TABLE competitors_peers (
    id         ${pk},
    shop_id    BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    tier       TEXT NOT NULL CHECK (tier IN ('ahead', 'level')),
    created_at TEXT NOT NULL,
    UNIQUE (shop_id, name)
);

-- One product of a peer in one day's snapshot. The rating is kept in hundredths (4.85 → 485), so that a
-- snapshot imported again compares equal to what is stored.
CREATE TABLE competitors_listings (
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    peer_id       BIGINT NOT NULL REFERENCES competitors_peers (id) ON DELETE CASCADE,
    day           TEXT NOT NULL,
    product_id    TEXT NOT NULL,
    title         TEXT NOT NULL,
    price         BIGINT NOT NULL CHECK (price >= 0),
    monthly_sales BIGINT NOT NULL CHECK (monthly_sales >= 0),
    rating        INTEGER CHECK (rating IS NULL OR (rating >= 0 AND rating <= 500)),
    reviews       BIGINT CHECK (reviews IS NULL OR reviews >= 0),
    listed_on     TEXT,
    category      TEXT,
    PRIMARY KEY (shop_id, peer_id, day, product_id)
);
CREATE INDEX competitors_listings_day ON competitors_listings (shop_id, day);
