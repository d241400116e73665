package com.shopops.plugins.members.analysis;

/**
 * One customer's RFM read as of a day: the raw figures, their quintile scores (5 = best fifth) and the
 * segment the R and F scores place them in.
 *
 * @param customerId  the customer's database id
 * @param externalId  the buyer's id or nickname in the source system
 * @param recencyDays days from the customer's last counting order to the day scored
 * @param frequency   counting orders
 * @param monetary    their revenue, minor units
 * @param r           recency score, 1–5 (5 = most recent)
 * @param f           frequency score, 1–5 (5 = most orders)
 * @param m           monetary score, 1–5 (5 = most spent)
 * @param segment     {@link Segment#of}(r, f)
 */
public record RfmScore(long customerId, String externalId, long recencyDays, long frequency, long monetary, int r,
                       int f, int m, Segment segment) {
}
