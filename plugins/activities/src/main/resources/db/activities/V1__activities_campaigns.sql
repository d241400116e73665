-- The activities plugin's tables: the campaigns (活动) the shop takes part in or runs, their products,
-- every status change with who made it, and the results platforms report per day. Money in minor
-- units; days shop-local ISO text; instants UTC ISO text. Entry rules per channel are plugin settings
-- (defaults in code), not rows.

-- A campaign. A campaign list imported again finds its campaign by (shop, name, first live day).
CREATE TABLE activities_campaigns (
    id                    ${pk},
    shop_id               BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    name                  TEXT NOT NULL,
    kind                  TEXT NOT NULL CHECK (kind IN ('platform', 'own')),
    channel               TEXT NOT NULL,
    registration_deadline TEXT,
    review_on             TEXT,
    live_from             TEXT NOT NULL,
    live_to               TEXT NOT NULL,
    goal_gmv              BIGINT,
    goal_units            BIGINT,
    status                TEXT NOT NULL CHECK (status IN ('planned', 'registered', 'approved', 'rejected', 'live', 'ended',
                                                          'reviewed')),
    source_tag            TEXT,
    notes                 TEXT,
    created_by            TEXT NOT NULL,
    created_at            TEXT NOT NULL,
    updated_by            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    UNIQUE (shop_id, name, live_from)
);
CREATE INDEX activities_campaigns_live ON activities_campaigns (shop_id, live_from, live_to);

-- A product of a campaign: stock set aside and the campaign price (null: the product keeps its price).
CREATE TABLE activities_campaign_products (
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    campaign_id BIGINT NOT NULL REFERENCES activities_campaigns (id) ON DELETE CASCADE,
    sku         TEXT NOT NULL,
    allocated   BIGINT NOT NULL CHECK (allocated >= 0),
    price       BIGINT CHECK (price IS NULL OR price >= 0),
    PRIMARY KEY (campaign_id, sku)
);

-- Who moved a campaign from which status to which, when (UTC) and why. The first row of a campaign
-- (from_status NULL) is its creation.
CREATE TABLE activities_status_history (
    id          ${pk},
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    campaign_id BIGINT NOT NULL REFERENCES activities_campaigns (id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    note        TEXT
);
CREATE INDEX activities_status_history_campaign ON activities_status_history (campaign_id, id);

-- What a platform reports for a campaign per day (活动数据): visitors, impressions, clicks, orders, GMV.
-- Kept by the campaign's name as the platform writes it; importing a day again replaces its row.
CREATE TABLE activities_results (
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    campaign    TEXT NOT NULL,
    day         TEXT NOT NULL,
    uv          BIGINT NOT NULL,
    impressions BIGINT NOT NULL,
    clicks      BIGINT NOT NULL,
    orders      BIGINT NOT NULL,
    gmv         BIGINT NOT NULL,
    PRIMARY KEY (shop_id, campaign, day)
);
