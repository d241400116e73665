package ${package}.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.Note;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis on hand-made notes, without a database. */
class DayNotesTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 5);

    @Test
    void countsTheDaysNotesAndTakesTheOneWrittenLast() {
        List<Note> notes = List.of(
                new Note(1, DAY, "hero item out of stock 14:00-16:00", "li", Instant.parse("2024-03-05T08:00:00Z")),
                new Note(3, DAY, "price of the hero item back to 89.00", "li", Instant.parse("2024-03-05T09:30:00Z")),
                new Note(2, DAY, "courier late in the afternoon", "wang", Instant.parse("2024-03-05T09:00:00Z")));
        assertEquals(new DayNotes(3, "price of the hero item back to 89.00"), DayNotes.of(notes));
    }

    @Test
    void aDayWithoutNotes() {
        assertEquals(new DayNotes(0, null), DayNotes.of(List.of()));
    }
}
