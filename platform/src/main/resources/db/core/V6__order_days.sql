-- The order figures that add up day by day, per shop and shop-local day, kept by the core's writer in the
-- import's transaction (it recomputes every day a batch touched from the orders). A range's orders, sales,
-- daily buyers, refunded and guest orders are then a sum over at most one row per day instead of a scan of
-- every order of the range (a year of a 1,000,000-order shop: 365 rows instead of ~330,000 orders).
-- Only orders that count (not cancelled) are in it; a day without one has no row.
CREATE TABLE order_days (
    shop_id      BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    orders       BIGINT NOT NULL,
    sales        BIGINT NOT NULL,
    -- distinct customers of the day, each guest order one more buyer (the KPIs sum buyers per day)
    buyers       BIGINT NOT NULL,
    -- orders with at least one refund, on the order's day
    refunded     BIGINT NOT NULL,
    guest_orders BIGINT NOT NULL,
    PRIMARY KEY (shop_id, day)
);

INSERT INTO order_days (shop_id, day, orders, sales, buyers, refunded, guest_orders)
SELECT o.shop_id, o.day, COUNT(*), SUM(o.amount), COUNT(DISTINCT o.customer_id) + COUNT(*) - COUNT(o.customer_id),
       SUM(CASE WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id) THEN 1 ELSE 0 END),
       COUNT(*) - COUNT(o.customer_id)
FROM orders o WHERE o.status <> 'CANCELLED'
GROUP BY o.shop_id, o.day;

-- A token that changes in every transaction that changes a shop's orders, refunds or products (the core's
-- writer sets it), so an answer computed from those tables can be kept and served again as long as the
-- token is the same: also when another process (the command-line import) wrote the data. A new random
-- value rather than a counter: a shop id the database hands out again after a shop was removed starts
-- with no row, and never meets an old shop's token.
CREATE TABLE shop_data_versions (
    shop_id  BIGINT NOT NULL PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    version  BIGINT NOT NULL
);
