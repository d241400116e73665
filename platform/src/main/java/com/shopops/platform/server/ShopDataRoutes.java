package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.api.ImportFormat;
import com.shopops.api.Permission;
import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.people.People;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.data.SummaryReport;
import com.shopops.platform.imports.ImportJobs;
import com.shopops.platform.imports.MappingFile;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core's shop-data routes: the summary, imports (upload → job → progress) and the list of
 * import formats.
 */
final class ShopDataRoutes {

    private final Installation installation;
    private final ImportJobs jobs;
    private final People people;

    ShopDataRoutes(Installation installation, ImportJobs jobs, People people) {
        this.installation = installation;
        this.jobs = jobs;
        this.people = people;
    }

    void register(CoreRoutes routes) {
        String view = CorePermissions.DATA_VIEW.name();
        routes.get("/api/shops/{shop}/summary", view, "The shop's headline figures (from, to)", this::summary)
                // data.import, or the permission every format that may be used names (ImportFormat.permission)
                .post("/api/shops/{shop}/imports", Access.SIGNED_IN,
                        "Start an import (multipart: file, kind, format, dryRun, mapping); needs data.import or the format's"
                                + " own permission", this::startImport)
                .get("/api/shops/{shop}/imports", view, "The latest imports into the shop", this::listImports)
                .get("/api/imports/{id}", view, "One import's state, progress, counts and rejected rows", this::getImport)
                .get("/api/import-formats", Access.SIGNED_IN, "Every import kind and format", this::formats);
    }

    /** {@code GET /api/shops/{shop}/summary?from=&to=} */
    void summary(Context ctx) {
        Shop shop = Access.shop(ctx);
        LocalDate from = SummaryReport.day(ctx.queryParam("from"), "from");
        LocalDate to = SummaryReport.day(ctx.queryParam("to"), "to");
        SummaryReport.checkRange(from, to);
        ctx.json(SummaryReport.json(shop, from, to, installation.data().summary(shop.id(), from, to)));
    }

    /**
     * {@code POST /api/shops/{shop}/imports}, multipart: {@code file}, {@code kind}, optional
     * {@code format}, {@code dryRun}, {@code mapping} (a properties file or text). Answers 202 with the job.
     */
    void startImport(Context ctx) throws Exception {
        if (!ctx.isMultipartFormData()) {
            throw new IllegalArgumentException("send the import as multipart/form-data with the fields file, kind and "
                    + "optionally format, dryRun and mapping");
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            throw new IllegalArgumentException("the multipart field 'file' (the export to import) is missing");
        }
        String kind = ctx.formParam("kind");
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("the field 'kind' is missing; kinds: " + String.join(", ", installation.formats().kinds()));
        }
        if (installation.formats().ofKind(kind).isEmpty()) {
            throw new IllegalArgumentException("ShopOps cannot import '" + kind + "'; it imports "
                    + String.join(", ", installation.formats().kinds()));
        }
        String format = blankToNull(ctx.formParam("format"));
        if (format != null && installation.formats().find(kind, format).isEmpty()) {
            throw new IllegalArgumentException("there is no " + kind + " format '" + format + "'");
        }
        if (!installation.formats().mayImport(Access.user(ctx), kind, format)) {
            Access.forbidden(ctx, CorePermissions.DATA_IMPORT.name());
            return;
        }
        Map<String, String> options = mapping(ctx);
        boolean dryRun = "true".equalsIgnoreCase(ctx.formParam("dryRun"));
        Map<String, Object> job = jobs.start(Access.shop(ctx), kind, format, file.filename(), file.content(), options, dryRun,
                Access.user(ctx).name());
        Access.action(ctx, dryRun ? "import.check" : "import.start");
        Access.note(ctx, kind + " " + file.filename(), null, null, null);
        ctx.header("Location", "/api/imports/" + job.get("id"));
        ctx.status(202).json(job);
    }

    /** {@code GET /api/shops/{shop}/imports}: the latest imports into the shop. */
    void listImports(Context ctx) {
        ctx.json(jobs.recent(Access.shop(ctx), 50));
    }

    /** {@code GET /api/imports/{id}}: one import's state, progress, counts and rejected rows. */
    void getImport(Context ctx) {
        Optional<Map<String, Object>> job = jobs.get(ctx.pathParam("id"))
                .filter(j -> installation.shops().byCode(String.valueOf(j.get("shop")))
                        .filter(s -> people.canSee(Access.user(ctx), s)).isPresent());
        if (job.isEmpty()) {
            ApiError.respond(ctx, 404, "no import '" + ctx.pathParam("id") + "'");
        } else {
            ctx.json(job.get());
        }
    }

    /** {@code GET /api/import-formats}: every kind and format, with what each expects. */
    void formats(Context ctx) {
        List<Map<String, Object>> out = installation.formats().all().stream().map(ShopDataRoutes::describe).toList();
        ctx.json(out);
    }

    private static Map<String, Object> describe(ImportFormat<?> f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind());
        m.put("name", f.name());
        m.put("permission", f.permission());
        m.put("header", f.hasHeader());
        m.put("describe", f.describe());
        return m;
    }

    private static Map<String, String> mapping(Context ctx) throws Exception {
        String text = null;
        UploadedFile file = ctx.uploadedFile("mapping");
        if (file != null) {
            try (InputStream in = file.content()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
        } else {
            text = ctx.formParam("mapping");
        }
        return text == null || text.isBlank() ? Map.of() : MappingFile.read(new StringReader(text));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
