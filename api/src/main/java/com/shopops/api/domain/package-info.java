/**
 * The core domain as plain records: what the host stores for every shop and every plugin reads.
 * Money is in the shop currency's minor units (fen, cents); {@code LocalDate}s are shop-local days;
 * {@code Instant}s are UTC. Every record that belongs to a shop carries its {@code shopId}.
 *
 * @since 1.0.0
 */
package com.shopops.api.domain;
