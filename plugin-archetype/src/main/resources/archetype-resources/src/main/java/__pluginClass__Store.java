package ${package};

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The plugin's table, {@code ${pluginId}_notes} (its migrations are in {@code db/${pluginId}/}; the host runs
 * them when the plugin starts). Days and times are ISO-8601 text, which both SQLite and PostgreSQL compare
 * in order; every row carries its shop.
 */
final class ${pluginClass}Store {

    private final Jdbi jdbi;
    private final Clock clock;

    ${pluginClass}Store(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Note add(long shopId, LocalDate day, String text, String author) {
        Instant now = clock.instant();
        long id = jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO ${pluginId}_notes (shop_id, day, text, author, written_at)
                        VALUES (:shop, :day, :text, :author, :at)""")
                .bind("shop", shopId).bind("day", day.toString()).bind("text", text).bind("author", author)
                .bind("at", now.toString())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Note(id, day, text, author, now);
    }

    /** The notes of {@code from} to {@code to} (inclusive), oldest first. */
    List<Note> notes(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, day, text, author, written_at FROM ${pluginId}_notes
                        WHERE shop_id = :shop AND day BETWEEN :from AND :to ORDER BY day, written_at, id""")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> new Note(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Instant.parse(rs.getString(5))))
                .list());
    }
}
