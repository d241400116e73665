-- People: users, their roles and shop grants, the owner's changes to which role holds which
-- permission, sign-in sessions, API tokens, failed sign-ins (for rate limiting) and the audit log.
-- Secrets are stored only as hashes: passwords as Argon2id, session ids and tokens as SHA-256, so a
-- copy of the database lets nobody sign in.

CREATE TABLE users (
    id             ${pk},
    name           TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_shops (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    shop_id  BIGINT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, shop_id)
);

-- Only the owner's changes are stored; a permission with no row for a role keeps its declared default.
CREATE TABLE role_permissions (
    role        TEXT NOT NULL,
    permission  TEXT NOT NULL,
    granted     INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (role, permission)
);

CREATE TABLE sessions (
    id_hash       TEXT PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    expires_at    TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id            ${pk},
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_failures (
    name     TEXT NOT NULL,
    address  TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX login_failures_name ON login_failures (name, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

-- One row per change: who, when, in which shop, what, and for prices and settings the value before
-- and after. "alert" names why an entry is unusual (a bulk price change, a permission change, a plugin
-- install); the morning briefing shows those.
CREATE TABLE audit_log (
    id         ${pk},
    at         TEXT NOT NULL,
    user_id    BIGINT,
    user_name  TEXT NOT NULL,
    shop_id    BIGINT REFERENCES shops (id) ON DELETE SET NULL,
    action     TEXT NOT NULL,
    target     TEXT,
    value_before  TEXT,
    value_after   TEXT,
    status     INTEGER NOT NULL,
    address    TEXT,
    alert      TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_shop ON audit_log (shop_id, at);
