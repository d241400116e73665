package com.shopops.plugins.members;

import com.shopops.api.ImportFormat.WriteResult;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Writes the rows of a member list import into the plugin's tables, in the import's transaction.
 */
public final class MemberContactsWriter {

    private MemberContactsWriter() {
    }

    /**
     * A row of a member list: the buyer's id, contact data where given, and tags to add.
     *
     * @param externalId the buyer's id as the orders carry it
     */
    public record Row(String externalId, String name, String phone, String email, Set<String> tags) {
    }

    /** Writes {@code rows}; a customer seen before counts as updated. */
    public static WriteResult write(Handle h, long shopId, List<Row> rows, Instant at) {
        List<MemberStore.ContactRow> contacts = rows.stream()
                .map(r -> new MemberStore.ContactRow(new Contact(r.externalId(), r.name(), r.phone(), r.email()), r.tags()))
                .toList();
        long added = MemberStore.writeContacts(h, shopId, contacts, at);
        return new WriteResult(added, rows.size() - added);
    }
}
