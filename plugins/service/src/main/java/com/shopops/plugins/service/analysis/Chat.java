package com.shopops.plugins.service.analysis;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One customer chat an agent handled, as the customer-service back office reports it.
 *
 * @param day                  the shop-local day of the chat
 * @param agent                the agent (旺旺 sub-account or name)
 * @param customer             the customer's id or nickname
 * @param startedAt            when the chat started, shop-local
 * @param firstResponseSeconds seconds from the customer's first message to the agent's first answer
 * @param messages             messages the agent sent
 * @param inquiry              a pre-sales inquiry (询单); false for after-sales chats, which count as chats only
 * @param orderId              the order the inquiry became (the platform's order number), or null
 * @param followedUp           whether the agent followed up (跟单), or null when the report does not say
 */
public record Chat(LocalDate day, String agent, String customer, LocalDateTime startedAt, long firstResponseSeconds,
                   long messages, boolean inquiry, String orderId, Boolean followedUp) {
}
