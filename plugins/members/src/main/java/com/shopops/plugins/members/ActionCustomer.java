package com.shopops.plugins.members;

import com.shopops.plugins.members.analysis.Segment;

/**
 * One customer of an action: treated, or kept back in the holdout, with the segment and tier they had
 * when the action was made.
 */
record ActionCustomer(long customerId, String externalId, boolean holdout, Segment segment, String tier) {
}
