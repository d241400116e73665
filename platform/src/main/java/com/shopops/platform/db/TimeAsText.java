package com.shopops.platform.db;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Jdbi;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds and maps {@link Instant}, {@link LocalDate} and {@link ZoneId} as ISO-8601 text, the same on
 * SQLite and PostgreSQL. The drivers' own date handling differs (sqlite-jdbc stores a bound date as
 * epoch milliseconds by default), and text in one agreed form compares correctly on both. For that an
 * instant is always written with six fraction digits ({@code 2024-03-05T01:02:03.000000Z}):
 * {@link Instant#toString()} drops a zero fraction, and {@code ...03Z} would sort after {@code ...03.5Z}.
 */
public final class TimeAsText {

    private TimeAsText() {
    }

    /** Instants as stored: UTC, microseconds, fixed width, so text order is time order. */
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final Set<Type> TYPES = Set.of(Instant.class, LocalDate.class, ZoneId.class);

    /** An instant as the database stores it. */
    public static String format(Instant instant) {
        return INSTANT.format(instant);
    }

    static void install(Jdbi jdbi) {
        jdbi.registerArgument(new AsText());
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> parse(rs.getString(col), Instant::parse));
        jdbi.registerColumnMapper(LocalDate.class, (rs, col, ctx) -> parse(rs.getString(col), LocalDate::parse));
        jdbi.registerColumnMapper(ZoneId.class, (rs, col, ctx) -> parse(rs.getString(col), ZoneId::of));
    }

    private static <T> T parse(String text, Function<String, T> parser) {
        return text == null ? null : parser.apply(text);
    }

    private static final class AsText implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            if (!TYPES.contains(type)) {
                return Optional.empty();
            }
            return Optional.of(value -> (pos, stmt, ctx) -> {
                if (value == null) {
                    stmt.setNull(pos, Types.VARCHAR);
                } else {
                    stmt.setString(pos, value instanceof Instant instant ? INSTANT.format(instant) : value.toString());
                }
            });
        }
    }
}
