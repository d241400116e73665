-- Parcels from the couriers' reports. A tracking number is one parcel per shop: a report read again updates it
-- (a parcel on its way gets its signature time). Times are UTC ISO-8601 text, days shop-local.
CREATE TABLE deliveries_parcels (
    id            ${pk},
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    tracking_no   TEXT NOT NULL,
    order_id      TEXT NOT NULL,
    courier       TEXT NOT NULL,
    shipped_at    TEXT NOT NULL,
    ship_day      TEXT NOT NULL,
    delivered_at  TEXT,
    UNIQUE (shop_id, tracking_no)
);
CREATE INDEX deliveries_parcels_by_day ON deliveries_parcels (shop_id, ship_day);
