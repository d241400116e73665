package com.shopops.platform.people;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j), at OWASP's recommended cost: 19 MiB of memory, two
 * passes, one lane. The encoded hash carries its own salt and parameters, so a later, costlier setting
 * still checks the passwords stored under this one.
 */
public final class Passwords {

    /** Shortest password accepted. */
    public static final int MIN_LENGTH = 10;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    /** Checked when the name is unknown, so a wrong name takes as long as a wrong password. */
    private static final String DECOY = hash("decoy password that no one has");

    private Passwords() {
    }

    /** The encoded Argon2id hash of {@code password}, with a fresh random salt. */
    public static String hash(CharSequence password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    /** True when {@code password} matches {@code encoded}; a null {@code encoded} checks the decoy and says no. */
    public static boolean matches(CharSequence password, String encoded) {
        if (encoded == null) {
            Password.check(password, DECOY).with(ARGON2);
            return false;
        }
        try {
            return Password.check(password, encoded).with(Argon2Function.getInstanceFromHash(encoded));
        } catch (RuntimeException notArgon2) {
            return false;
        }
    }

    /** Refuses a password that is too short to be worth hashing; the message says what is needed. */
    public static void requireStrong(CharSequence password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.chars().distinct().count() < 4) {
            throw new IllegalArgumentException("that password is too easy to guess: use more different characters");
        }
    }
}
