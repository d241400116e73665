package ${package};

import com.shopops.api.Routes;
import com.shopops.api.ShopRequest;
import io.javalin.http.BadRequestResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The plugin's HTTP routes, under {@code /api/shops/{shop}/p/${pluginId}}: the host checks the user and the
 * permission each names before the handler runs, and answers a thrown {@code BadRequestResponse} as a 400
 * with its message.
 */
final class ${pluginClass}Routes {

    /** A note longer than this is refused: the diary is for short facts, not reports. */
    static final int MAX_LENGTH = 500;

    private final ${pluginClass}Store store;

    ${pluginClass}Routes(${pluginClass}Store store) {
        this.store = store;
    }

    void register(Routes routes) {
        routes.get("/notes", ${pluginClass}Plugin.VIEW, this::list)
                .post("/notes", ${pluginClass}Plugin.EDIT, this::add);
    }

    /** {@code GET /notes?from=&to=[&format=csv]}: the notes of a range of days (default: the last 7). */
    private void list(ShopRequest req) {
        LocalDate to = req.queryDay("to") == null ? LocalDate.now(req.shop().timeZone()) : req.queryDay("to");
        LocalDate from = req.queryDay("from") == null ? to.minusDays(6) : req.queryDay("from");
        if (from.isAfter(to)) {
            throw new BadRequestResponse("from: a day on or before to (" + to + "), not " + from);
        }
        List<Note> notes = store.notes(req.shop().id(), from, to);
        if (req.wantsCsv()) {
            req.csv("${pluginId}-" + from + "-" + to + ".csv", List.of("day", "text", "author", "written at"),
                    notes.stream().map(n -> List.<Object>of(n.day(), n.text(), n.author(), n.writtenAt())).toList());
            return;
        }
        req.ctx().json(new Notes(from, to, notes));
    }

    /** The answer of {@code GET /notes}: a record, so its fields are in this order in the JSON. */
    record Notes(LocalDate from, LocalDate to, List<Note> notes) {
    }

    /** {@code POST /notes {"day":"2024-03-05","text":"…"}}: a note, 201 with it. */
    private void add(ShopRequest req) {
        Map<?, ?> body = req.jsonObject();
        LocalDate day = ShopRequest.day("day", body.get("day") == null ? null : body.get("day").toString());
        if (day == null) {
            throw new BadRequestResponse("day: required, as YYYY-MM-DD");
        }
        String text = body.get("text") == null ? "" : body.get("text").toString().strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new BadRequestResponse("text: 1 to " + MAX_LENGTH + " characters, not " + text.length());
        }
        Note note = store.add(req.shop().id(), day, text, req.user().name());
        req.ctx().status(201).json(note);
    }
}
