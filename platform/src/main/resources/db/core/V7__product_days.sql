-- The product figures that add up day by day, per shop, shop-local day and SKU, kept by the core's writer in
-- the import's transaction like order_days (V6): units, sales, orders that hold the SKU, and a title. A
-- product's sales over a range, its weekly units and the day it first sold are read from here instead of
-- every order line of the range.
-- It replaces the index order_lines (shop_id, sku) of V5, which served the first-sale lookup: an import
-- adds lines in order of time, but to that index in order of SKU, so every batch rewrote most of its pages
-- (a 1,000,000-line import spent half its time there). This table grows in order of day.
-- Only orders that count (not cancelled) are in it; a day and SKU without one has no row.
CREATE TABLE product_days (
    shop_id  BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day      TEXT NOT NULL,
    sku      TEXT NOT NULL,
    units    BIGINT NOT NULL,
    sales    BIGINT NOT NULL,
    orders   BIGINT NOT NULL,
    -- the greatest title the SKU's lines of the day carry (exports repeat it on every line)
    title    TEXT NOT NULL,
    PRIMARY KEY (shop_id, day, sku)
) ${keyed};

INSERT INTO product_days (shop_id, day, sku, units, sales, orders, title)
SELECT o.shop_id, o.day, l.sku, SUM(l.quantity), SUM(l.amount), COUNT(DISTINCT o.id), MAX(l.title)
FROM orders o JOIN order_lines l ON l.order_id = o.id
WHERE o.status <> 'CANCELLED'
GROUP BY o.shop_id, o.day, l.sku;

DROP INDEX order_lines_by_sku;
