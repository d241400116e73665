package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.api.ImportFormat;
import com.shopops.api.Permission;
import com.shopops.api.Shop;
import com.shopops.platform.Installation;
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
    private final Access access;

    ShopDataRoutes(Installation installation, ImportJobs jobs, Access access) {
        this.installation = installation;
        this.jobs = jobs;
        this.access = access;
    }

    /** {@code GET /api/shops/{shop}/summary?from=&to=} */
    void summary(Context ctx) {
        Guarded g = guard(ctx, CorePermissions.DATA_VIEW);
        if (g == null) {
            return;
        }
        LocalDate from = SummaryReport.day(ctx.queryParam("from"), "from");
        LocalDate to = SummaryReport.day(ctx.queryParam("to"), "to");
        SummaryReport.checkRange(from, to);
        ctx.json(SummaryReport.json(g.shop(), from, to, installation.data().summary(g.shop().id(), from, to)));
    }

    /**
     * {@code POST /api/shops/{shop}/imports}, multipart: {@code file}, {@code kind}, optional
     * {@code format}, {@code dryRun}, {@code mapping} (a properties file or text). Answers 202 with the job.
     */
    void startImport(Context ctx) throws Exception {
        Guarded g = guard(ctx, CorePermissions.DATA_IMPORT);
        if (g == null) {
            return;
        }
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
        Map<String, String> options = mapping(ctx);
        boolean dryRun = "true".equalsIgnoreCase(ctx.formParam("dryRun"));
        Map<String, Object> job = jobs.start(g.shop(), kind, format, file.filename(), file.content(), options, dryRun,
                g.user().name());
        ctx.header("Location", "/api/imports/" + job.get("id"));
        ctx.status(202).json(job);
    }

    /** {@code GET /api/shops/{shop}/imports}: the latest imports into the shop. */
    void listImports(Context ctx) {
        Guarded g = guard(ctx, CorePermissions.DATA_VIEW);
        if (g != null) {
            ctx.json(jobs.recent(g.shop(), 50));
        }
    }

    /** {@code GET /api/imports/{id}}: one import's state, progress, counts and rejected rows. */
    void getImport(Context ctx) {
        Optional<CurrentUser> user = signedIn(ctx);
        if (user.isEmpty() || !allowed(ctx, user.get(), CorePermissions.DATA_VIEW)) {
            return;
        }
        Optional<Map<String, Object>> job = jobs.get(ctx.pathParam("id"));
        if (job.isEmpty()) {
            ApiError.respond(ctx, 404, "no import '" + ctx.pathParam("id") + "'");
        } else {
            ctx.json(job.get());
        }
    }

    /** {@code GET /api/import-formats}: every kind and format, with what each expects. */
    void formats(Context ctx) {
        if (signedIn(ctx).isEmpty()) {
            return;
        }
        List<Map<String, Object>> out = installation.formats().all().stream().map(ShopDataRoutes::describe).toList();
        ctx.json(out);
    }

    private static Map<String, Object> describe(ImportFormat<?> f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind());
        m.put("name", f.name());
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

    private record Guarded(CurrentUser user, Shop shop) {
    }

    /** The user and shop of a request, or null after answering 401, 403 or 404. */
    private Guarded guard(Context ctx, Permission permission) {
        Optional<CurrentUser> user = signedIn(ctx);
        if (user.isEmpty()) {
            return null;
        }
        Optional<Shop> shop = installation.shops().byCode(ctx.pathParam("shop"));
        if (shop.isEmpty()) {
            ApiError.respond(ctx, 404, "no shop '" + ctx.pathParam("shop") + "'");
            return null;
        }
        return allowed(ctx, user.get(), permission) ? new Guarded(user.get(), shop.get()) : null;
    }

    /** The user behind the request, or empty after answering 401. */
    private Optional<CurrentUser> signedIn(Context ctx) {
        Optional<CurrentUser> user = access.user(ctx);
        if (user.isEmpty()) {
            ApiError.respond(ctx, 401, "sign in first");
        }
        return user;
    }

    /** Whether {@code user} holds {@code permission}; if not, answers 403 naming it. */
    private static boolean allowed(Context ctx, CurrentUser user, Permission permission) {
        if (!user.can(permission.name())) {
            ApiError.respond(ctx, 403, "permission '" + permission.name() + "' is needed");
            return false;
        }
        return true;
    }
}
