package com.shopops.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of a shop team (DOMAIN.md, "Team and control"). A plugin's {@link Permission} names the
 * roles that hold it by default; the owner can change that.
 *
 * @since 1.0.0
 */
public enum Role {
    /** The shop's owner (老板): everything, including users, plugins and cost prices. */
    OWNER,
    /** The operator (运营): runs the shop's day. */
    OPERATOR,
    /** Promotion (推广): traffic and paid ads. */
    PROMOTION,
    /** Design (美工): pages and images. */
    DESIGN,
    /** Customer service (客服): orders, after-sales, members. */
    SERVICE,
    /** Finance (财务): full reports, costs. */
    FINANCE;

    /** Every role. */
    public static Set<Role> all() {
        return EnumSet.allOf(Role.class);
    }
}
