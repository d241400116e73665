package com.shopops.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shopops.api.CoreEvents;
import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.ShopDataStore;
import com.shopops.platform.imports.formats.CoreFormats;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An order export read again with another refund (退款金额): the refund follows the export, and the order
 * is counted as updated and announced, so that figures and caches follow too. The hostile files found it
 * lost silently: the order was counted unchanged and the data version stayed.
 */
class OrderRefundReimportTest {

    private static final String HEADER = "订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,"
            + "商家编码,退款金额,订单关闭原因\n";

    @TempDir
    Path dir;

    private final List<CoreEvents.DataImported> published = new ArrayList<>();

    private Path export(String name, String refund) throws Exception {
        return export(name, refund, "买家申请退款");
    }

    private Path export(String name, String refund, String reason) throws Exception {
        return Files.writeString(dir.resolve(name), HEADER
                + "1001,tb_老王,129.00,交易成功,2024-05-01 10:20:30,2024-05-01 10:21:00,夏季新款纯棉短袖T恤,1,TX-01," + refund
                + "," + reason + "\n"
                + "1002,tb_小李,59.00,交易成功,2024-05-02 09:00:00,2024-05-02 09:01:00,纯棉袜子,2,SK-02,,\n");
    }

    private ImportSummary run(Fresh f, Shop shop, Path file) throws Exception {
        EventBus events = new EventBus();
        events.forPlugin("test").subscribe(CoreEvents.DataImported.class, published::add);
        return new ImportRunner(f.database().jdbi(), new ImportFormats(CoreFormats.all(), List::of), events, 50)
                .run(new ImportRunner.Request(shop, "orders", "taobao", file, file.getFileName().toString(), Map.of(), false),
                        ImportRunner.Progress.NONE);
    }

    private static long refunds(Fresh f, Shop shop) {
        return new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()))
                .summary(shop.id(), null, null).refunds();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRefundGainedLostOrChangedOnReimportIsAnUpdateAndTheFiguresFollow(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC())
                    .create(new ShopStore.NewShop("tb", "淘宝店", "taobao", "CNY", "Asia/Shanghai"));
            assertEquals(2, run(f, shop, export("first.csv", "129.00")).imported());
            assertEquals(12_900, refunds(f, shop));

            ImportSummary same = run(f, shop, export("same.csv", "129.00"));
            assertEquals(0, same.updated());
            assertEquals(2, same.unchanged());

            ImportSummary lost = run(f, shop, export("lost.csv", "0"));
            assertEquals(1, lost.updated(), "the order that lost its refund");
            assertEquals(1, lost.unchanged());
            assertEquals(0, refunds(f, shop));

            ImportSummary partly = run(f, shop, export("partly.csv", "30.00"));
            assertEquals(1, partly.updated(), "the order that got a refund again");
            assertEquals(3_000, refunds(f, shop));

            ImportSummary more = run(f, shop, export("more.csv", "50.00"));
            assertEquals(1, more.updated(), "the order whose refund grew");
            assertEquals(5_000, refunds(f, shop));

            // the same amount for another reason: what the returns analysis reads changed (found by the hostile files)
            ImportSummary reason = run(f, shop, export("reason.csv", "50.00", "尺码不合适"));
            assertEquals(1, reason.updated(), "the order whose refund has another reason");
            assertEquals(List.of("尺码不合适"), f.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT reason FROM refunds WHERE shop_id = :shop").bind("shop", shop.id()).mapTo(String.class).list()));

            assertEquals(List.of(2L, 0L, 0L, 0L, 0L), published.stream().map(CoreEvents.DataImported::imported).toList());
            assertEquals(List.of(0L, 1L, 1L, 1L, 1L), published.stream().map(CoreEvents.DataImported::updated).toList(),
                    "each change announced (the same file again is not)");
        }
    }
}
