/**
 * The core shop data as plugins read and import it: {@link com.shopops.api.data.ShopData} gives typed
 * reads over the core tables (products, orders, customers, refunds, traffic, behaviour events,
 * targets, reviews) and {@link com.shopops.api.data.CoreWriter} writes what an
 * {@link com.shopops.api.ImportFormat} of a core kind parsed. The records here are the import shapes
 * (ids from the source, not database ids); the stored shapes are in {@link com.shopops.api.domain}.
 *
 * @since 1.0.0
 */
package com.shopops.api.data;
