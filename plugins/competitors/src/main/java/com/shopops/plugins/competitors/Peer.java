package com.shopops.plugins.competitors;

import java.util.Locale;

/**
 * A peer shop the shop follows (同行).
 *
 * @param id   database id
 * @param name the peer shop's name, as its snapshots name it
 * @param tier whether it sells better than we do or about the same
 */
public record Peer(long id, String name, Tier tier) {

    /** DOMAIN.md: follow two shops that sell better and two that sell about the same. */
    public enum Tier {
        /** Sells better than we do. */
        AHEAD,
        /** Sells about the same. */
        LEVEL;

        /** As stored and sent: {@code ahead}, {@code level}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The tier of a code; IllegalArgumentException naming the two for anything else. */
        public static Tier of(String code) {
            if (code != null) {
                for (Tier t : values()) {
                    if (t.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                        return t;
                    }
                }
            }
            throw new IllegalArgumentException("tier: ahead or level, not '" + code + "'");
        }
    }
}
