package com.shopops.platform.core;

import com.shopops.api.Shop;
import com.shopops.api.Shops;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The shops of this installation: create and read. */
public final class ShopStore implements Shops {

    /** Platforms a shop can sell on. */
    public static final Set<String> PLATFORMS = Set.of("taobao", "tmall", "jd", "douyin", "pinduoduo", "shopify", "other");

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final RowMapper<Shop> MAPPER = (rs, ctx) -> new Shop(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), rs.getString("platform"), rs.getString("currency"), ZoneId.of(rs.getString("time_zone")));

    private final Jdbi jdbi;
    private final Clock clock;

    public ShopStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** What a new shop needs; {@link #validate()} says what is wrong in words. */
    public record NewShop(String code, String name, String platform, String currency, String timeZone) {

        /** The new shop with defaults filled in: CNY, Asia/Shanghai, platform other, name = code. */
        public NewShop withDefaults() {
            return new NewShop(code, blank(name) ? code : name, blank(platform) ? "other" : platform.toLowerCase(Locale.ROOT),
                    blank(currency) ? "CNY" : currency.toUpperCase(Locale.ROOT), blank(timeZone) ? "Asia/Shanghai" : timeZone);
        }

        /** Throws {@link IllegalArgumentException} naming the first field that is wrong. */
        public void validate() {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("code: use 1-40 lower-case letters, digits and '-', starting with a letter or digit");
            }
            if (!PLATFORMS.contains(platform)) {
                throw new IllegalArgumentException("platform: one of " + String.join(", ", PLATFORMS.stream().sorted().toList()));
            }
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("currency: an ISO 4217 code such as CNY or USD, not '" + currency + "'");
            }
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("timeZone: a zone such as Asia/Shanghai, not '" + timeZone + "'");
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** Creates a shop; refuses a code that is taken. */
    public Shop create(NewShop request) {
        NewShop shop = request.withDefaults();
        shop.validate();
        if (byCode(shop.code()).isPresent()) {
            throw new IllegalStateException("a shop with code '" + shop.code() + "' exists already");
        }
        long id;
        try {
            id = jdbi.withHandle(h -> h.createQuery("""
                            INSERT INTO shops (code, name, platform, currency, time_zone, created_at)
                            VALUES (:code, :name, :platform, :currency, :zone, :now) RETURNING id""")
                    .bind("code", shop.code()).bind("name", shop.name()).bind("platform", shop.platform())
                    .bind("currency", shop.currency()).bind("zone", shop.timeZone()).bind("now", clock.instant())
                    .mapTo(Long.class).one());
        } catch (org.jdbi.v3.core.statement.StatementException e) {
            if (byCode(shop.code()).isPresent()) { // created by a concurrent request since the check above
                throw new IllegalStateException("a shop with code '" + shop.code() + "' exists already");
            }
            throw e;
        }
        return byId(id).orElseThrow();
    }

    @Override
    public List<Shop> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM shops ORDER BY code").map(MAPPER).list());
    }

    @Override
    public Optional<Shop> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM shops WHERE id = :id").bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Optional<Shop> byCode(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM shops WHERE code = :code").bind("code", code)
                .map(MAPPER).findOne());
    }
}
