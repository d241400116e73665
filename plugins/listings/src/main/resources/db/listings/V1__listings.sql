-- The listings plugin's tables: marketplace listings the operator found when searching for the shop's top
-- products (imported), what the operator decided about each suspected copycat, and the listing sheet the
-- shop exports from its back office (the listing's title, core keyword, attributes and variant prices, which
-- the core's products do not hold). Money in minor units; days shop-local ISO text; instants UTC ISO text.

-- A listing seen on the marketplace, one row per listing id: when it was first and last seen, and what it
-- looked like when last seen (a later sighting replaces title, price, url and image; one of the same day
-- does not).
CREATE TABLE listings_marketplace (
    shop_id    BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    listing_id TEXT NOT NULL,
    shop_name  TEXT NOT NULL,
    title      TEXT NOT NULL,
    price      BIGINT NOT NULL CHECK (price >= 0),
    url        TEXT,
    image_hash TEXT,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    PRIMARY KEY (shop_id, listing_id)
) ${keyed};
CREATE INDEX listings_marketplace_seen ON listings_marketplace (shop_id, last_seen);

-- The operator's decision on a suspected copycat (a marketplace listing): reported to the platform or
-- dismissed, so it is not raised again. A listing without a row is open.
CREATE TABLE listings_suspects (
    shop_id    BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    listing_id TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('reported', 'dismissed')),
    note       TEXT,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (shop_id, listing_id)
) ${keyed};

-- The listing sheet, one row per product variant (规格; '' for a product without variants). The product's
-- own fields (listed title, core keyword, attributes filled of total, main image hash) may sit on any of
-- its rows; the first variant (by name) that gives one is used.
CREATE TABLE listings_sheet (
    shop_id          BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    sku              TEXT NOT NULL,
    variant          TEXT NOT NULL,
    title            TEXT,
    price            BIGINT CHECK (price IS NULL OR price > 0),
    core_keyword     TEXT,
    attributes_filled INTEGER CHECK (attributes_filled IS NULL OR attributes_filled >= 0),
    attributes_total INTEGER CHECK (attributes_total IS NULL OR attributes_total > 0),
    image_hash       TEXT,
    PRIMARY KEY (shop_id, sku, variant)
) ${keyed};
