/**
 * The core shop data as plugins read and import it. {@link com.shopops.api.data.ShopData} gives typed
 * reads over the core tables (products, orders, customers, refunds, traffic, behaviour events,
 * targets, reviews) and, since 1.2.0, aggregate reads that add up in the database (order and traffic
 * figures, sell-through, product sales and views, funnel counts, hour figures, weekly units) and, since
 * 1.3.0, member reads (per-customer order figures, guest orders, cohorts, a customer's history), whose
 * answers are the records {@link com.shopops.api.data.OrderFigures}, {@link com.shopops.api.data.TrafficFigures}
 * and the like. {@link com.shopops.api.data.CoreWriter} writes what an {@link com.shopops.api.ImportFormat}
 * of a core kind parsed; its records ({@link com.shopops.api.data.OrderRow} and the like) are the import
 * shapes (ids from the source, not database ids); the stored shapes are in {@link com.shopops.api.domain}.
 *
 * @since 1.0.0
 */
package com.shopops.api.data;
