package ${package}.analysis;

import ${package}.Note;
import java.util.Comparator;
import java.util.List;

/**
 * What a day's notes come to for the briefing: how many, and the latest. The plugin's own logic lives in
 * this package as pure functions over plain records, tested without a database.
 *
 * @param count  the notes of the day
 * @param latest the text of the one written last, or null when there is none
 */
public record DayNotes(int count, String latest) {

    /** The summary of {@code notes}, all of one day. */
    public static DayNotes of(List<Note> notes) {
        return new DayNotes(notes.size(), notes.stream()
                .max(Comparator.comparing(Note::writtenAt).thenComparingLong(Note::id))
                .map(Note::text).orElse(null));
    }
}
