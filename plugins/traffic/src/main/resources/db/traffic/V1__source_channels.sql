-- How the shop groups its platform's traffic sources (手淘搜索, 直通车, …) into channels.
CREATE TABLE traffic_source_channels (
    shop_id     BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    channel     TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (shop_id, source)
);
