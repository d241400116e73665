package com.shopops.plugins.activities.analysis;

/**
 * What the platform reports of a campaign's traffic, each figure null where it is not reported (the
 * shop's own campaigns usually have none).
 *
 * @param uv          the campaign's visitors (访客数)
 * @param impressions times the campaign showed the products (展现量)
 * @param clicks      clicks on them
 */
public record Reach(Long uv, Long impressions, Long clicks) {

    /** Nothing reported. */
    public static final Reach NONE = new Reach(null, null, null);

    public Reach {
        if (uv != null && uv < 0 || impressions != null && impressions < 0 || clicks != null && clicks < 0) {
            throw new IllegalArgumentException("reach counts 0 or more: " + uv + " UV, " + impressions + " impressions, "
                    + clicks + " clicks");
        }
    }
}
