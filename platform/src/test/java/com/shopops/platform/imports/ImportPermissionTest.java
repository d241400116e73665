package com.shopops.platform.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.CurrentUser;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may import what: the host's {@code data.import} lets a user import every format; a format's own
 * permission ({@link ImportFormat#permission}) lets a user import that format, and a kind without a named
 * format only when every format of the kind names a permission the user has.
 */
class ImportPermissionTest {

    /** A format that reads nothing: only its kind, name and permission matter here. */
    private record Format(String kind, String name, String permission) implements ImportFormat<String> {
        public String describe() {
            return name;
        }

        public boolean recognises(List<String> header) {
            return false;
        }

        public ParsedRow<String> parse(ImportRow row, ImportContext context) {
            return ParsedRow.skip("not read");
        }

        public WriteResult write(ImportBatch<String> batch) {
            return new WriteResult(0, 0);
        }
    }

    private static final ImportFormats FORMATS = new ImportFormats(List.of(new Format("orders", "shopify", null)),
            () -> List.of(new Format("peers", "snapshot", "peers.edit"), new Format("peers", "snapshot-xlsx", "peers.edit"),
                    new Format("ads", "keywords", "ads.edit"), new Format("ads", "spend", null)));

    private static CurrentUser user(String... permissions) {
        return new CurrentUser(1, "xiaomei", Set.of(Role.DESIGN), Set.of(permissions));
    }

    @Test
    void dataImportLetsAUserImportEveryFormat() {
        CurrentUser owner = user("data.import");
        for (String kind : List.of("orders", "peers", "ads")) {
            assertTrue(FORMATS.mayImport(owner, kind, null), kind);
        }
        assertTrue(FORMATS.mayImport(owner, "ads", "spend"));
        assertTrue(FORMATS.mayImportAny(owner));
    }

    @Test
    void aFormatsOwnPermissionLetsAUserImportThatFormatOnly() {
        CurrentUser designer = user("peers.edit", "ads.edit");
        assertTrue(FORMATS.mayImport(designer, "peers", "snapshot"));
        assertTrue(FORMATS.mayImport(designer, "peers", null), "every format of the kind names peers.edit");
        assertTrue(FORMATS.mayImport(designer, "ads", "keywords"));
        assertFalse(FORMATS.mayImport(designer, "ads", "spend"), "a format that names no permission needs data.import");
        assertFalse(FORMATS.mayImport(designer, "ads", null), "detecting might pick the spend format");
        assertFalse(FORMATS.mayImport(designer, "orders", null));
        assertFalse(FORMATS.mayImport(designer, "peers", "no-such-format"));
        assertTrue(FORMATS.mayImportAny(designer));
    }

    @Test
    void withoutEitherNothingMayBeImported() {
        CurrentUser service = user("data.view");
        for (String kind : List.of("orders", "peers", "ads")) {
            assertFalse(FORMATS.mayImport(service, kind, null), kind);
        }
        assertFalse(FORMATS.mayImportAny(service));
    }
}
