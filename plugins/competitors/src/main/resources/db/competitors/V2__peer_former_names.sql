-- The names a peer had before it was renamed on the page. A snapshot file of the back office still names
-- the shop as it did, so an import finds the peer by a former name too instead of adding a new one.
CREATE TABLE competitors_peer_names (
    shop_id BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    peer_id BIGINT NOT NULL REFERENCES competitors_peers (id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    PRIMARY KEY (shop_id, name)
);
