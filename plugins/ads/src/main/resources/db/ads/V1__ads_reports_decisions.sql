-- The ads plugin's tables: the daily reports it imports (keywords, search terms, other spend) and the
-- keyword decisions it proposes. Money in minor units; days shop-local ISO text; instants UTC text.
-- Each report table's primary key starts with (shop_id, day), so it is also the (shop_id, day) index
-- every read by range uses; a second index on the same columns would only slow imports down.

-- One keyword's pay-per-click figures on one day (直通车 / Google Ads keyword report). A product of ''
-- means the report did not name one. Importing a day again replaces its row.
CREATE TABLE ads_keyword_days (
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day           TEXT NOT NULL,
    campaign      TEXT NOT NULL,
    ad_group      TEXT NOT NULL,
    product       TEXT NOT NULL DEFAULT '',
    keyword       TEXT NOT NULL,
    impressions   BIGINT NOT NULL,
    clicks        BIGINT NOT NULL,
    cost          BIGINT NOT NULL,
    orders        BIGINT NOT NULL,
    gmv           BIGINT NOT NULL,
    avg_rank      DOUBLE PRECISION,
    quality_score INTEGER,
    bid           BIGINT,
    PRIMARY KEY (shop_id, day, campaign, ad_group, keyword, product)
);

-- What people searched for that triggered a keyword's ad, per day (search-term report). Its figures
-- are a breakdown of the keyword's, never added to them.
CREATE TABLE ads_search_term_days (
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day           TEXT NOT NULL,
    campaign      TEXT NOT NULL,
    ad_group      TEXT NOT NULL,
    product       TEXT NOT NULL DEFAULT '',
    keyword       TEXT NOT NULL,
    search_term   TEXT NOT NULL,
    impressions   BIGINT NOT NULL,
    clicks        BIGINT NOT NULL,
    cost          BIGINT NOT NULL,
    orders        BIGINT NOT NULL,
    gmv           BIGINT NOT NULL,
    PRIMARY KEY (shop_id, day, campaign, ad_group, keyword, product, search_term)
);

-- Ad spend that is not pay-per-click keywords: display (CPM, 钻展) and affiliate (pay-per-sale, 淘宝客),
-- per day, kind and campaign or channel name.
CREATE TABLE ads_spend_days (
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day           TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('display', 'affiliate')),
    name          TEXT NOT NULL,
    impressions   BIGINT NOT NULL,
    clicks        BIGINT NOT NULL,
    cost          BIGINT NOT NULL,
    orders        BIGINT NOT NULL,
    gmv           BIGINT NOT NULL,
    PRIMARY KEY (shop_id, day, kind, name)
);

-- A decision proposed for one keyword (or, for "add", a search term) over a range of days, and what
-- the operator made of it. One row per range and keyword: proposing again for the same range
-- replaces a proposal still open and leaves one that was accepted or dismissed alone.
CREATE TABLE ads_decisions (
    id            ${pk},
    shop_id       BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    from_day      TEXT NOT NULL,
    to_day        TEXT NOT NULL,
    campaign      TEXT NOT NULL,
    ad_group      TEXT NOT NULL,
    product       TEXT NOT NULL DEFAULT '',
    keyword       TEXT NOT NULL,
    action        TEXT NOT NULL,
    reason_key    TEXT NOT NULL,
    reason_args   TEXT NOT NULL DEFAULT '[]',
    suggested_bid BIGINT,
    status        TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'dismissed')),
    decided_by    TEXT,
    decided_at    TEXT,
    evidence      TEXT NOT NULL DEFAULT '{}',
    created_at    TEXT NOT NULL,
    UNIQUE (shop_id, from_day, to_day, campaign, ad_group, keyword, product)
);
CREATE INDEX ads_decisions_shop_day ON ads_decisions (shop_id, to_day);
