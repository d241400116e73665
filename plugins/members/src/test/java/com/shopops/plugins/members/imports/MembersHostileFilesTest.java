package com.shopops.plugins.members.imports;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.testing.HostileFiles;
import com.shopops.platform.testing.HostileFiles.Sample;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken member lists, spoiled from {@link MemberContactsTest}'s sample (the spoilers and the
 * checks are {@link HostileFiles}'), imported through the host's import engine into an SQLite file with
 * the members migrations: refused with a reason or every row accounted for, never a crash, a hang or a
 * half-written batch, every stored contact and tag within the format's rules, and the same file imported
 * again changing nothing but the time each contact was last written.
 */
class MembersHostileFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSpoiledMemberListIsRefusedOrHasEveryRowAccountedForAndNeverWritesHalf() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "members")) {
            Jdbi jdbi = f.database().jdbi();
            Shop shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            // Batches of 4 rows: a batch that cannot be written comes after batches that were.
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(List.of(new MemberContacts()), List::of), new EventBus(), 4);
            HostileFiles.Tally tally = new HostileFiles(jdbi, runner, shop, dir)
                    .watching("members_contacts", "members_tags")
                    .keeping("an id is given", "SELECT COUNT(*) FROM members_contacts WHERE TRIM(external_id) IN ('', '-', '--', '—')")
                    .keeping("a phone is 6 to 20 digits", """
                            SELECT COUNT(*) FROM members_contacts
                            WHERE phone IS NOT NULL AND (LENGTH(REPLACE(phone, '+', '')) NOT BETWEEN 6 AND 20
                                OR REPLACE(phone, '+', '') GLOB '*[^0-9]*')""")
                    .keeping("an e-mail has one @ inside", """
                            SELECT COUNT(*) FROM members_contacts
                            WHERE email IS NOT NULL AND (INSTR(email, '@') < 2 OR email LIKE '%@%@%' OR email LIKE '%@')""")
                    .keeping("a tag is 1 to 30 characters", "SELECT COUNT(*) FROM members_tags WHERE LENGTH(tag) NOT BETWEEN 1 AND 30")
                    .keeping("a tag belongs to a member", """
                            SELECT COUNT(*) FROM members_tags t WHERE NOT EXISTS (
                                SELECT 1 FROM members_contacts c WHERE c.shop_id = t.shop_id AND c.external_id = t.external_id)""")
                    .importingTwice("updated_at")
                    .rounds(10) // about as many files as the other plugins' samples get
                    .run(List.of(new Sample("members", "member-contacts", MemberContactsTest.MEMBERS).adding("members_contacts")));
            System.out.println("hostile member lists: " + tally);
        }
    }
}
