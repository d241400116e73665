package com.shopops.plugins.members;

/**
 * A customer's contact data as the shop's member list gives it; any part may be missing.
 *
 * @param externalId the buyer's id in the source system, as the orders carry it
 */
record Contact(String externalId, String name, String phone, String email) {
}
