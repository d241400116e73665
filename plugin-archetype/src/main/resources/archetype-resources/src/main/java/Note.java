package ${package};

import java.time.Instant;
import java.time.LocalDate;

/**
 * A note in the shop's diary.
 *
 * @param id        its id
 * @param day       the shop-local day it is about
 * @param text      what happened, as the author wrote it (shown as text, never as markup)
 * @param author    who wrote it
 * @param writtenAt when, in UTC
 */
public record Note(long id, LocalDate day, String text, String author, Instant writtenAt) {
}
