package com.shopops.plugins.members.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.imports.ImportSummary.RowError;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The member list format through the host's import engine into a real database with the members
 * migrations: detected by its header, bad cells rejected with line, column and reason, contacts and tags
 * stored (read back with plain SQL), and a second import of the same file changing nothing.
 */
class MemberContactsTest {

    /** Two good members and a bad cell of each kind (also the sample MembersHostileFilesTest spoils). */
    static final String MEMBERS = """
            会员ID,姓名,手机,邮箱,标签
            tb_001,王芳,138 1234 5678,wang@example.com,vip、团购
            tb_002,李强,,,老客；vip
            tb_003,张伟,12ab,zhang@example.com,
            tb_004,刘洋,13900001111,liu.example.com,
            ,无名,13900002222,,
            tb_005,陈静,+86-139-0000-3333,,%s
            """.formatted("长".repeat(31));

    @TempDir
    Path dir;

    private static ImportSummary run(Fresh f, Shop shop, Path file) throws Exception {
        ImportRunner runner = new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new MemberContacts()), List::of),
                new EventBus());
        return runner.run(new ImportRunner.Request(shop, "members", null, file, file.getFileName().toString(), Map.of(), false),
                ImportRunner.Progress.NONE);
    }

    private static List<String> rows(Fresh f, String sql) {
        return f.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMemberListWithChineseHeaders(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "members")) {
            Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC())
                    .create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            Path file = dir.resolve("members.csv");
            Files.writeString(file, MEMBERS, StandardCharsets.UTF_8);
            ImportSummary s = run(f, shop, file);
            assertEquals("member-contacts", s.format());
            assertEquals(List.of(6L, 2L, 4L), List.of(s.read(), s.imported(), s.rejected()), s.toString());
            // lines count the header as 1
            List<RowError> errors = s.errors();
            assertEquals(List.of(4L, 5L, 6L, 7L), errors.stream().map(RowError::line).toList(), errors.toString());
            assertEquals(List.of("手机", "邮箱", "会员ID", "标签"), errors.stream().map(RowError::column).toList());
            assertTrue(errors.get(0).reason().contains("not a phone number"), errors.get(0).toString());

            // Spaces and dashes leave the number; the tags split on 、 and ；.
            assertEquals(List.of("tb_001|王芳|13812345678|wang@example.com", "tb_002|李强|-|-"),
                    rows(f, "SELECT external_id || '|' || name || '|' || COALESCE(phone, '-') || '|' || COALESCE(email, '-')"
                            + " FROM members_contacts ORDER BY external_id"));
            assertEquals(List.of("tb_001 vip", "tb_001 团购", "tb_002 vip", "tb_002 老客"),
                    rows(f, "SELECT external_id || ' ' || tag FROM members_tags ORDER BY external_id, tag"));

            ImportSummary again = run(f, shop, file);
            assertEquals(List.of(0L, 2L), List.of(again.imported(), again.updated()), "the same people: updated, none new");
            assertEquals(4, rows(f, "SELECT tag FROM members_tags").size(), "no tag twice");
        }
    }
}
