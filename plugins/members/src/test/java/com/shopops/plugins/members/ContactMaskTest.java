package com.shopops.plugins.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ContactMaskTest {

    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertEquals("138****5678", ContactMask.phone("13812345678"));
        assertEquals("+44****0123", ContactMask.phone("+447700900123"));
        // too short to keep both ends: only the last two show
        assertEquals("****89", ContactMask.phone("123489"));
        assertNull(ContactMask.phone(null));
    }

    @Test
    void emailsKeepTheirFirstLetterAndDomain() {
        assertEquals("a***@example.com", ContactMask.email("alice@example.com"));
        assertEquals("***", ContactMask.email("no-at-sign"));
        assertEquals("***", ContactMask.email("@example.com"));
        assertNull(ContactMask.email(null));
    }
}
