package com.shopops.plugins.service.analysis;

import java.time.LocalDate;

/**
 * One agent's day as the back office reports it.
 *
 * @param day           the shop-local day
 * @param agent         the agent
 * @param onlineMinutes minutes online
 * @param score         the average review score of the day (0–5), or null
 * @param rated         the reviews that score averages, or null (then the day weighs as one review)
 * @param satisfied     the reviews that were satisfied (满意), or null
 */
public record AgentDay(LocalDate day, String agent, long onlineMinutes, Double score, Long rated, Long satisfied) {
}
