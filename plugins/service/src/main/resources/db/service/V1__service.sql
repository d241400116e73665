-- The service plugin's tables: customer chats and agent days as the customer-service back office
-- (千牛/旺旺 reports) exports them. Days are shop-local ISO text, chat start times shop-local
-- 'YYYY-MM-DDTHH:MM:SS' text. Orders and refunds stay in the core; a chat names its order by the
-- platform's order number and the figures look it up through ShopData.

-- One chat. The same chat imported again (same agent, customer and start) replaces its row.
CREATE TABLE service_chats (
    shop_id                BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    agent                  TEXT NOT NULL,
    customer               TEXT NOT NULL,
    started_at             TEXT NOT NULL,
    day                    TEXT NOT NULL,
    first_response_seconds BIGINT NOT NULL CHECK (first_response_seconds >= 0),
    messages               BIGINT NOT NULL CHECK (messages >= 0),
    inquiry                INTEGER NOT NULL CHECK (inquiry IN (0, 1)),
    order_id               TEXT,
    followed_up            INTEGER CHECK (followed_up IS NULL OR followed_up IN (0, 1)),
    PRIMARY KEY (shop_id, agent, customer, started_at)
)${keyed};
CREATE INDEX service_chats_day ON service_chats (shop_id, day);

-- One agent's day: time online and, where the report has them, the reviews.
CREATE TABLE service_agent_days (
    shop_id        BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    day            TEXT NOT NULL,
    agent          TEXT NOT NULL,
    online_minutes BIGINT NOT NULL CHECK (online_minutes >= 0 AND online_minutes <= 1440),
    score          DOUBLE PRECISION CHECK (score IS NULL OR (score >= 0 AND score <= 5)),
    rated          BIGINT CHECK (rated IS NULL OR rated >= 0),
    satisfied      BIGINT CHECK (satisfied IS NULL OR (satisfied >= 0 AND rated IS NOT NULL AND satisfied <= rated)),
    PRIMARY KEY (shop_id, day, agent)
)${keyed};
