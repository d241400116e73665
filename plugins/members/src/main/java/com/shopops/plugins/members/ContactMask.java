package com.shopops.plugins.members;

/**
 * Phone numbers and e-mail addresses as a user without the contacts permission sees them: enough to
 * recognise a customer on the phone, not enough to call or mail them.
 */
final class ContactMask {

    private ContactMask() {
    }

    /** {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two digits. */
    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        if (p.length() >= 8) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
    }

    /** {@code alice@example.com} → {@code a***@example.com}; text without an @ is hidden whole. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        String e = email.strip();
        int at = e.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return e.charAt(0) + "***" + e.substring(at);
    }
}
