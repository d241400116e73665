package com.shopops.plugins.content;

import com.shopops.api.Channels;
import com.shopops.api.Routes;
import com.shopops.api.Settings;
import com.shopops.api.Shop;
import com.shopops.api.ShopRequest;
import com.shopops.plugins.content.ContentStore.Draft;
import com.shopops.plugins.content.analysis.ContentCalendar;
import com.shopops.plugins.content.analysis.EngagementSummary;
import com.shopops.plugins.content.analysis.PostKind;
import com.shopops.plugins.content.analysis.PostStatus;
import com.shopops.plugins.content.analysis.PostWorkflow;
import com.shopops.plugins.content.analysis.PostWorkflow.Move;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The content plugin's routes under {@code /api/shops/{shop}/p/content}. Times are sent as the shop's
 * local time {@code YYYY-MM-DDTHH:mm} (or a UTC instant) and answered both ways ({@code scheduledAt} UTC,
 * {@code localTime} shop-local); days are shop-local. Reads need {@code content.view}, writing and
 * scheduling {@code content.edit}, approving and sending back {@code content.approve}. A bad parameter
 * or body is a 400 naming the field; a move the workflow does not allow is a 409 with its reason.
 *
 * <pre>
 * GET  /posts?from=&amp;to=&amp;status=&amp;unplanned=    {"shop","timeZone","posts":[post]}: planned on the days from..to
 *                                        (default this week), and with unplanned=true those without a time;
 *                                        ?format=csv
 * POST /posts                            {"title","body","kind":"copy|recommendation|rules|story","scheduledAt"?,
 *                                        "campaign"?,"products":[sku],"channels":[channel id]} → 201 post, a draft
 * GET  /posts/{id}                       post with "history":[{"from","to","by","at","note"}]
 * PUT  /posts/{id}                       the same body → post; an approved or scheduled post goes back to draft
 * DELETE /posts/{id}                     204; not a published post
 * POST /posts/{id}/submit                → post in review
 * POST /posts/{id}/approve               {"note"?} → post, scheduled when it has a time and a channel, else approved
 * POST /posts/{id}/send-back             {"note"} → post back to draft
 * POST /posts/{id}/reschedule            {"scheduledAt"} → post; the approval stays (drag on the calendar)
 * POST /posts/{id}/publish-now           → post after trying its channels now (approved or scheduled)
 * POST /posts/{id}/retry                 → post after trying its failed channels again now
 * POST /posts/{id}/copy                  {"channels":[…]} → 201 a new draft with the same content for those channels
 * POST /posts/{id}/images                multipart "file": PNG, JPEG, GIF or WebP by content, ≤ 5 MB, ≤ 9 a post → 201 image
 * GET  /posts/{id}/images/{image}        the image
 * DELETE /posts/{id}/images/{image}      204
 * GET  /calendar?from=&amp;to=              {"from","to","quota","days":[{"day","counted","fill":"empty|under|full|over",
 *                                        "posts":[{"id","title","status","kind","localTime","channels","views","clicks"}]}]}
 *                                        (views and clicks imported so far, null when none); default this month
 * GET  /channels                         {"channels":[{"id","plugin","configured"}]}: where posts can go
 * GET  /engagement?from=&amp;to=            {"from","to","kinds":[{"kind","posts","views","likes","comments","clicks",
 *                                        "viewsPerPost","clickRate"}],"posts":[{"id","title","kind","localTime","views",
 *                                        "likes","comments","clicks"}]}: posts planned in the range; ?format=csv
 * GET  /settings, PUT /settings          {"dailyQuota","maxLatenessHours","maxAttempts","firstWaitMinutes"}
 *
 * post = {"id","title","body","kind","status","next":[moves allowed],"scheduledAt","localTime","campaign",
 *         "products":[sku],"channels":[{"channel","state","attempts","nextAttemptAt","externalId","lastError",
 *         "publishedAt"}],"images":[{"id","name","contentType","size","url"}],"createdBy","createdAt","updatedBy",
 *         "updatedAt","approvedBy","approvedAt"}
 * </pre>
 */
final class ContentRoutes {

    static final long MAX_IMAGE = 5L * 1024 * 1024;
    static final int MAX_IMAGES = 9;
    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 20_000;
    static final List<String> CSV_COLUMNS = List.of("id", "localTime", "title", "kind", "status", "channels", "campaign",
            "products", "createdBy", "approvedBy");

    private final ContentStore store;
    private final Publisher publisher;
    private final Channels channels;
    private final Settings settings;
    private final Clock clock;
    private final Path files;

    ContentRoutes(ContentStore store, Publisher publisher, Channels channels, Settings settings, Clock clock, Path files) {
        this.store = store;
        this.publisher = publisher;
        this.channels = channels;
        this.settings = settings;
        this.clock = clock;
        this.files = files;
    }

    void register(Routes routes) {
        routes.get("/posts", ContentPlugin.VIEW, this::list)
                .post("/posts", ContentPlugin.EDIT, this::create)
                .get("/posts/{id}", ContentPlugin.VIEW, this::get)
                .put("/posts/{id}", ContentPlugin.EDIT, this::update)
                .delete("/posts/{id}", ContentPlugin.EDIT, this::delete)
                .post("/posts/{id}/submit", ContentPlugin.EDIT, req -> move(req, Move.SUBMIT))
                .post("/posts/{id}/approve", ContentPlugin.APPROVE, req -> move(req, Move.APPROVE))
                .post("/posts/{id}/send-back", ContentPlugin.APPROVE, req -> move(req, Move.SEND_BACK))
                .post("/posts/{id}/reschedule", ContentPlugin.EDIT, this::reschedule)
                .post("/posts/{id}/publish-now", ContentPlugin.EDIT, this::publishNow)
                .post("/posts/{id}/retry", ContentPlugin.EDIT, this::retry)
                .post("/posts/{id}/copy", ContentPlugin.EDIT, this::copy)
                .post("/posts/{id}/images", ContentPlugin.EDIT, this::addImage)
                .get("/posts/{id}/images/{image}", ContentPlugin.VIEW, this::image)
                .delete("/posts/{id}/images/{image}", ContentPlugin.EDIT, this::removeImage)
                .get("/calendar", ContentPlugin.VIEW, this::calendar)
                .get("/channels", ContentPlugin.VIEW, this::channelList)
                .get("/engagement", ContentPlugin.VIEW, this::engagement)
                .get("/settings", ContentPlugin.VIEW, req -> req.ctx().json(ContentSettings.of(settings, req.shop().id()).asJson()))
                .put("/settings", ContentPlugin.EDIT, this::putSettings);
    }

    // ---------------------------------------------------------------- posts

    private void list(ShopRequest req) {
        Shop shop = req.shop();
        LocalDate[] range = range(req, thisWeek(shop));
        String statusText = req.ctx().queryParam("status");
        PostStatus status = blank(statusText) ? null : status(statusText);
        boolean unplanned = "true".equals(req.ctx().queryParam("unplanned"));
        List<Post> posts = store.between(shop.id(), start(range[0], shop), start(range[1].plusDays(1), shop), unplanned).stream()
                .filter(p -> status == null || p.status() == status).toList();
        if (req.wantsCsv()) {
            req.csv(shop.code() + "-posts-" + range[0] + "-" + range[1] + ".csv", CSV_COLUMNS, posts.stream().map(p -> Arrays.<Object>asList(
                    p.id(), local(p.scheduledAt(), shop), p.title(), p.kind().id(), p.status().id(),
                    String.join(" ", p.deliveries().stream().map(Post.Delivery::channel).toList()), p.campaign(),
                    String.join(" ", p.products()), p.createdBy(), p.approvedBy())).toList());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shop", shop.code());
        out.put("timeZone", shop.timeZone().getId());
        out.put("posts", posts.stream().map(p -> json(p, shop, req)).toList());
        req.ctx().json(out);
    }

    private void create(ShopRequest req) {
        Draft d = draft(req, req.jsonObject());
        long id = store.create(req.shop().id(), d, req.user().name(), clock.instant());
        req.ctx().status(201).json(json(found(req, id), req.shop(), req));
    }

    private void get(ShopRequest req) {
        Post p = found(req, id(req));
        Map<String, Object> m = json(p, req.shop(), req);
        m.put("history", store.history(req.shop().id(), p.id()));
        req.ctx().json(m);
    }

    private void update(ShopRequest req) {
        Post p = found(req, id(req));
        refuse(p.status(), Move.EDIT);
        Draft d = draft(req, req.jsonObject());
        store.update(req.shop().id(), p.id(), d, PostWorkflow.edited(p.status()), req.user().name(), clock.instant());
        req.ctx().json(json(found(req, p.id()), req.shop(), req));
    }

    private void delete(ShopRequest req) {
        Post p = found(req, id(req));
        refuse(p.status(), Move.DELETE);
        for (Post.Image i : p.images()) {
            deleteFile(i);
        }
        store.delete(req.shop().id(), p.id());
        req.ctx().status(204);
    }

    private void move(ShopRequest req, Move move) {
        Post p = found(req, id(req));
        refuse(p.status(), move);
        String note = req.ctx().body().isBlank() ? null : text(req.jsonObject().get("note"));
        PostStatus to = switch (move) {
            case SUBMIT -> PostStatus.REVIEW;
            case APPROVE -> PostWorkflow.approved(p.scheduledAt() != null, !p.deliveries().isEmpty());
            case SEND_BACK -> PostStatus.DRAFT;
            default -> throw new IllegalStateException(move.name());
        };
        if (move == Move.SEND_BACK && blank(note)) {
            throw new BadRequestResponse("note: say what to change when sending a post back");
        }
        if (!store.move(req.shop().id(), p.id(), p.status(), to, req.user().name(), clock.instant(), note)) {
            throw new ConflictResponse("the post changed meanwhile; load it again");
        }
        req.ctx().json(json(found(req, p.id()), req.shop(), req));
    }

    private void reschedule(ShopRequest req) {
        Post p = found(req, id(req));
        refuse(p.status(), Move.RESCHEDULE);
        Instant when = time(req.jsonObject().get("scheduledAt"), req.shop(), "scheduledAt");
        if (when == null) {
            throw new BadRequestResponse("scheduledAt: the new time, e.g. 2024-05-01T10:00");
        }
        store.reschedule(req.shop().id(), p.id(), when, req.user().name(), clock.instant());
        if (p.status() == PostStatus.APPROVED && !p.deliveries().isEmpty()) {
            store.move(req.shop().id(), p.id(), PostStatus.APPROVED, PostStatus.SCHEDULED, req.user().name(), clock.instant(),
                    "planned");
        }
        req.ctx().json(json(found(req, p.id()), req.shop(), req));
    }

    private void publishNow(ShopRequest req) {
        Post p = found(req, id(req));
        refuse(p.status(), Move.PUBLISH_NOW);
        if (p.deliveries().isEmpty()) {
            throw new ConflictResponse("the post has no channel to go to");
        }
        Instant now = clock.instant();
        if (p.scheduledAt() == null || p.scheduledAt().isAfter(now)) {
            store.reschedule(req.shop().id(), p.id(), now, req.user().name(), now);
        }
        if (p.status() == PostStatus.APPROVED) {
            store.move(req.shop().id(), p.id(), PostStatus.APPROVED, PostStatus.SCHEDULED, req.user().name(), now, "publish now");
        }
        store.dueNow(req.shop().id(), p.id(), now);
        publisher.runPost(req.shop().id(), p.id());
        req.ctx().json(json(found(req, p.id()), req.shop(), req));
    }

    private void retry(ShopRequest req) {
        Post p = found(req, id(req));
        refuse(p.status(), Move.RETRY);
        store.retry(req.shop().id(), p.id(), req.user().name(), clock.instant());
        publisher.runPost(req.shop().id(), p.id());
        req.ctx().json(json(found(req, p.id()), req.shop(), req));
    }

    private void copy(ShopRequest req) {
        Post p = found(req, id(req));
        List<String> targets = channelIds(req, req.jsonObject().get("channels"));
        if (targets.isEmpty()) {
            throw new BadRequestResponse("channels: at least one channel to copy the post to");
        }
        long id = store.create(req.shop().id(), new Draft(p.title(), p.body(), p.kind(), p.scheduledAt(), p.campaign(), p.products(),
                targets), req.user().name(), clock.instant());
        for (Post.Image i : p.images()) {
            Post.Image copy = new Post.Image(0, storedName(req.shop().id(), i.storedName().substring(i.storedName().lastIndexOf('.') + 1)),
                    i.originalName(), i.contentType(), i.size(), i.sha256());
            try {
                Files.createDirectories(files.resolve(copy.storedName()).getParent());
                Files.copy(files.resolve(i.storedName()), files.resolve(copy.storedName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store.addImage(req.shop().id(), id, copy, clock.instant());
        }
        req.ctx().status(201).json(json(found(req, id), req.shop(), req));
    }

    // ---------------------------------------------------------------- images

    /** The image types a post takes, told by their first bytes rather than the name the browser gives. */
    static Optional<String[]> imageType(byte[] head) {
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Optional.of(new String[] {"image/png", "png"});
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(new String[] {"image/jpeg", "jpg"});
        }
        if (head.length >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return Optional.of(new String[] {"image/gif", "gif"});
        }
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F' && head[8] == 'W'
                && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(new String[] {"image/webp", "webp"});
        }
        return Optional.empty();
    }

    private String storedName(long shopId, String extension) {
        return shopId + "/" + UUID.randomUUID() + "." + extension;
    }

    private void addImage(ShopRequest req) {
        Post p = found(req, id(req));
        refuse(p.status(), Move.EDIT);
        if (p.images().size() >= MAX_IMAGES) {
            throw new BadRequestResponse("file: a post takes at most " + MAX_IMAGES + " images");
        }
        UploadedFile file = req.ctx().isMultipartFormData() ? req.ctx().uploadedFile("file") : null;
        if (file == null) {
            throw new BadRequestResponse("file: send the image as the multipart field 'file'");
        }
        if (file.size() > MAX_IMAGE) {
            throw new BadRequestResponse("file: " + file.filename() + " is " + file.size() / 1024 + " KB; an image may be at most "
                    + MAX_IMAGE / 1024 / 1024 + " MB");
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) MAX_IMAGE + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_IMAGE) {
            throw new BadRequestResponse("file: an image may be at most " + MAX_IMAGE / 1024 / 1024 + " MB");
        }
        String[] type = imageType(bytes).orElseThrow(() -> new BadRequestResponse("file: " + file.filename()
                + " is not a PNG, JPEG, GIF or WebP image"));
        String stored = storedName(req.shop().id(), type[1]);
        try {
            Files.createDirectories(files.resolve(stored).getParent());
            Files.write(files.resolve(stored), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.filename() == null || file.filename().isBlank() ? "image." + type[1] : Path.of(file.filename()).getFileName().toString();
        Post.Image image = new Post.Image(0, stored, name.length() > 200 ? name.substring(0, 200) : name, type[0], bytes.length,
                sha256(bytes));
        long id = store.addImage(req.shop().id(), p.id(), image, clock.instant());
        req.ctx().status(201).json(imageJson(req, p.id(), new Post.Image(id, stored, image.originalName(), type[0], bytes.length,
                image.sha256())));
    }

    private void image(ShopRequest req) {
        Post p = found(req, id(req));
        long imageId = number(req.pathParam("image"), "image");
        Post.Image i = p.images().stream().filter(x -> x.id() == imageId).findFirst()
                .orElseThrow(() -> new NotFoundResponse("no image " + imageId + " on post " + p.id()));
        try {
            req.ctx().header("X-Content-Type-Options", "nosniff");
            req.ctx().header("Cache-Control", "private, max-age=3600");
            req.ctx().contentType(i.contentType()).result(Files.readAllBytes(files.resolve(i.storedName())));
        } catch (IOException e) {
            throw new NotFoundResponse("the file of image " + imageId + " is missing");
        }
    }

    private void removeImage(ShopRequest req) {
        Post p = found(req, id(req));
        refuse(p.status(), Move.EDIT);
        long imageId = number(req.pathParam("image"), "image");
        Post.Image gone = store.removeImage(req.shop().id(), p.id(), imageId)
                .orElseThrow(() -> new NotFoundResponse("no image " + imageId + " on post " + p.id()));
        deleteFile(gone);
        req.ctx().status(204);
    }

    private void deleteFile(Post.Image i) {
        try {
            Files.deleteIfExists(files.resolve(i.storedName()));
        } catch (IOException e) {
            // a file left behind is only disk space; the row is what the post shows
        }
    }

    // ---------------------------------------------------------------- calendar, channels, engagement, settings

    private void calendar(ShopRequest req) {
        Shop shop = req.shop();
        LocalDate today = LocalDate.ofInstant(clock.instant(), shop.timeZone());
        LocalDate[] range = range(req, new LocalDate[] {today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth())});
        if (ChronoUnit.DAYS.between(range[0], range[1]) > 92) {
            throw new BadRequestResponse("to: at most 93 days after from");
        }
        int quota = ContentSettings.of(settings, shop.id()).dailyQuota();
        List<Post> posts = store.between(shop.id(), start(range[0], shop), start(range[1].plusDays(1), shop), false);
        Map<Long, long[]> engaged = new java.util.HashMap<>();
        store.engagement(shop.id(), start(range[0], shop), start(range[1].plusDays(1), shop)).forEach(e -> engaged.put(e[0], e));
        Map<Long, Post> byId = new LinkedHashMap<>();
        List<ContentCalendar.Planned> planned = new ArrayList<>();
        for (Post p : posts) {
            byId.put(p.id(), p);
            planned.add(new ContentCalendar.Planned(p.scheduledAt().atZone(shop.timeZone()).toLocalDate(), p.id(), p.status(), p.kind()));
        }
        List<Map<String, Object>> days = new ArrayList<>();
        for (ContentCalendar.Day d : ContentCalendar.days(range[0], range[1], planned, quota)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", d.day().toString());
            m.put("counted", d.counted());
            m.put("fill", d.fill().id());
            m.put("posts", d.posts().stream().map(x -> {
                Post p = byId.get(x.postId());
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", p.id());
                c.put("title", p.title());
                c.put("status", p.status().id());
                c.put("kind", p.kind().id());
                c.put("localTime", local(p.scheduledAt(), shop));
                c.put("channels", p.deliveries().stream().map(Post.Delivery::channel).toList());
                long[] e = engaged.get(p.id());
                c.put("views", e == null ? null : e[1]);
                c.put("clicks", e == null ? null : e[4]);
                return c;
            }).toList());
            days.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", range[0].toString());
        out.put("to", range[1].toString());
        out.put("quota", quota);
        out.put("days", days);
        req.ctx().json(out);
    }

    private void channelList(ShopRequest req) {
        req.ctx().json(Map.of("channels", channels.list(req.shop().id()).stream().map(c -> Map.of("id", c.id(), "plugin", c.plugin(),
                "configured", c.configured())).toList()));
    }

    private void engagement(ShopRequest req) {
        Shop shop = req.shop();
        LocalDate today = LocalDate.ofInstant(clock.instant(), shop.timeZone());
        LocalDate[] range = range(req, new LocalDate[] {today.minusDays(28), today.minusDays(1)});
        Instant from = start(range[0], shop);
        Instant to = start(range[1].plusDays(1), shop);
        Map<Long, Post> posts = new LinkedHashMap<>();
        store.between(shop.id(), from, to, false).forEach(p -> posts.put(p.id(), p));
        List<EngagementSummary.Row> rows = new ArrayList<>();
        List<Map<String, Object>> perPost = new ArrayList<>();
        for (long[] e : store.engagement(shop.id(), from, to)) {
            Post p = posts.get(e[0]);
            if (p == null) {
                continue;
            }
            rows.add(new EngagementSummary.Row(p.id(), p.kind(), e[1], e[2], e[3], e[4]));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("title", p.title());
            m.put("kind", p.kind().id());
            m.put("localTime", local(p.scheduledAt(), shop));
            m.put("views", e[1]);
            m.put("likes", e[2]);
            m.put("comments", e[3]);
            m.put("clicks", e[4]);
            perPost.add(m);
        }
        if (req.wantsCsv()) {
            List<String> header = List.of("id", "title", "kind", "localTime", "views", "likes", "comments", "clicks");
            req.csv(shop.code() + "-engagement-" + range[0] + "-" + range[1] + ".csv", header,
                    perPost.stream().map(m -> header.stream().map(m::get).toList()).toList());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", range[0].toString());
        out.put("to", range[1].toString());
        out.put("kinds", EngagementSummary.byKind(rows).stream().map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", k.kind().id());
            m.put("posts", k.posts());
            m.put("views", k.views());
            m.put("likes", k.likes());
            m.put("comments", k.comments());
            m.put("clicks", k.clicks());
            m.put("viewsPerPost", k.viewsPerPost());
            m.put("clickRate", k.clickRate());
            return m;
        }).toList());
        out.put("posts", perPost);
        req.ctx().json(out);
    }

    private void putSettings(ShopRequest req) {
        ContentSettings changed;
        try {
            changed = ContentSettings.of(settings, req.shop().id()).with(req.jsonObject());
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse(bad.getMessage());
        }
        changed.save(settings, req.shop().id());
        req.ctx().json(changed.asJson());
    }

    // ---------------------------------------------------------------- JSON

    private Map<String, Object> json(Post p, Shop shop, ShopRequest req) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("body", p.body());
        m.put("kind", p.kind().id());
        m.put("status", p.status().id());
        List<String> next = new ArrayList<>();
        for (Move move : Move.values()) {
            if (PostWorkflow.refusal(p.status(), move).isEmpty()) {
                next.add(move.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
        }
        m.put("next", next);
        m.put("scheduledAt", p.scheduledAt() == null ? null : p.scheduledAt().toString());
        m.put("localTime", local(p.scheduledAt(), shop));
        m.put("campaign", p.campaign());
        m.put("products", p.products());
        m.put("channels", p.deliveries().stream().map(d -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("channel", d.channel());
            c.put("state", d.state());
            c.put("attempts", d.attempts());
            c.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
            c.put("externalId", d.externalId());
            c.put("lastError", d.lastError());
            c.put("publishedAt", d.publishedAt() == null ? null : d.publishedAt().toString());
            return c;
        }).toList());
        m.put("images", p.images().stream().map(i -> imageJson(req, p.id(), i)).toList());
        m.put("createdBy", p.createdBy());
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedBy", p.updatedBy());
        m.put("updatedAt", p.updatedAt().toString());
        m.put("approvedBy", p.approvedBy());
        m.put("approvedAt", p.approvedAt() == null ? null : p.approvedAt().toString());
        return m;
    }

    private static Map<String, Object> imageJson(ShopRequest req, long postId, Post.Image i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("name", i.originalName());
        m.put("contentType", i.contentType());
        m.put("size", i.size());
        m.put("url", "/api/shops/" + req.shop().code() + "/p/content/posts/" + postId + "/images/" + i.id());
        return m;
    }

    // ---------------------------------------------------------------- parameters

    private Draft draft(ShopRequest req, Map<?, ?> body) {
        String title = text(body.get("title"));
        if (blank(title) || title.strip().length() > MAX_TITLE) {
            throw new BadRequestResponse("title: 1 to " + MAX_TITLE + " characters");
        }
        String text = text(body.get("body"));
        if (text == null || text.length() > MAX_BODY) {
            throw new BadRequestResponse("body: the post's text, at most " + MAX_BODY + " characters");
        }
        PostKind kind;
        try {
            kind = PostKind.byId(String.valueOf(body.get("kind")));
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse("kind: " + bad.getMessage());
        }
        Instant when = time(body.get("scheduledAt"), req.shop(), "scheduledAt");
        String campaign = text(body.get("campaign"));
        if (campaign != null && campaign.strip().length() > 100) {
            throw new BadRequestResponse("campaign: at most 100 characters");
        }
        List<String> products = new ArrayList<>(new LinkedHashSet<>(texts(body.get("products"), "products")));
        return new Draft(title.strip(), text, kind, when, blank(campaign) ? null : campaign.strip(), products,
                channelIds(req, body.get("channels")));
    }

    private List<String> channelIds(ShopRequest req, Object value) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(texts(value, "channels")));
        Set<String> known = new java.util.HashSet<>();
        channels.list(req.shop().id()).forEach(c -> known.add(c.id()));
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new BadRequestResponse("channels: no channel '" + id + "'; the channels are " + known);
            }
        }
        return ids;
    }

    private static List<String> texts(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new BadRequestResponse(field + ": a list, e.g. [\"…\"]");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank() || s.length() > 100) {
                throw new BadRequestResponse(field + ": a list of non-empty texts of at most 100 characters, not " + o);
            }
            out.add(s.strip());
        }
        return out;
    }

    /** A time as the shop's local {@code YYYY-MM-DDTHH:mm[:ss]} or a UTC instant; null when absent. */
    static Instant time(Object value, Shop shop, String field) {
        String text = text(value);
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        try {
            Instant i = t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$") ? java.time.OffsetDateTime.parse(t).toInstant()
                    : LocalDateTime.parse(t).atZone(shop.timeZone()).toInstant();
            int year = i.atZone(shop.timeZone()).getYear();
            if (year < 2000 || year > 2100) {
                throw new BadRequestResponse(field + ": a time from 2000 to 2100, not " + t);
            }
            return i;
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(field + ": a time as YYYY-MM-DDTHH:mm in the shop's time zone, not '" + t + "'");
        }
    }

    private static String local(Instant i, Shop shop) {
        return i == null ? null : LocalDateTime.ofInstant(i, shop.timeZone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static Instant start(LocalDate day, Shop shop) {
        return day.atStartOfDay(shop.timeZone()).toInstant();
    }

    private LocalDate[] thisWeek(Shop shop) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), shop.timeZone());
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new LocalDate[] {monday, monday.plusDays(6)};
    }

    private static LocalDate[] range(ShopRequest req, LocalDate[] fallback) {
        LocalDate from = req.queryDay("from");
        LocalDate to = req.queryDay("to");
        from = from == null ? fallback[0] : from;
        to = to == null ? (req.ctx().queryParam("from") == null ? fallback[1] : from.plusDays(6)) : to;
        if (from.isAfter(to)) {
            throw new BadRequestResponse("from " + from + " is after to " + to);
        }
        return new LocalDate[] {from, to};
    }

    private static PostStatus status(String text) {
        try {
            return PostStatus.byId(text.strip());
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse("status: " + bad.getMessage());
        }
    }

    private static void refuse(PostStatus from, Move move) {
        PostWorkflow.refusal(from, move).ifPresent(why -> {
            throw new ConflictResponse(why);
        });
    }

    private Post found(ShopRequest req, long id) {
        return store.post(req.shop().id(), id).orElseThrow(() -> new NotFoundResponse("no post " + id + " in this shop"));
    }

    private static long id(ShopRequest req) {
        return number(req.pathParam("id"), "id");
    }

    private static long number(String text, String field) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(field + ": a number, not '" + text + "'");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(Object o) {
        return o == null ? null : o instanceof String s ? s : String.valueOf(o);
    }
}
