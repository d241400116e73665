package com.shopops.plugins.members.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.members.MemberContactsWriter;
import com.shopops.plugins.members.MemberContactsWriter.Row;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * The shop's member list (kind {@code members}, format {@code member-contacts}), Chinese or English
 * headers: 会员ID/Customer ID (the buyer's id as the orders carry it), 姓名/Name, 手机/Phone, 邮箱/Email,
 * 标签/Tags (separated by commas, 、 or ；). A customer listed again has their contact replaced and the
 * tags added, so importing the same file twice changes nothing. Rejected with the column: an empty id, a
 * phone that is not 6 to 20 digits (spaces, dashes and a leading + allowed), an e-mail without one @, a
 * tag longer than 30 characters.
 */
@Extension
public final class MemberContacts implements ImportFormat<Row> {

    static final String[] ID = {"会员ID", "会员名", "买家ID", "客户ID", "Customer ID", "CustomerID", "Member ID"};
    static final String[] NAME = {"姓名", "Name"};
    static final String[] PHONE = {"手机", "手机号", "Phone", "Mobile"};
    static final String[] EMAIL = {"邮箱", "Email", "E-mail"};
    static final String[] TAGS = {"标签", "Tags"};
    private static final Pattern PHONE_TEXT = Pattern.compile("\\+?[0-9][0-9 -]{4,24}");
    private static final Pattern TAG_SPLIT = Pattern.compile("[,，、;；]");

    @Override
    public String kind() {
        return "members";
    }

    @Override
    public String name() {
        return "member-contacts";
    }

    @Override
    public String describe() {
        return "member list: 会员ID/Customer ID, 姓名/Name, 手机/Phone, 邮箱/Email, 标签/Tags";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ImportCells.has(header, ID) && (ImportCells.has(header, PHONE) || ImportCells.has(header, EMAIL)
                || ImportCells.has(header, TAGS));
    }

    @Override
    public ParsedRow<Row> parse(ImportRow row, ImportContext context) {
        ImportCells cells = new ImportCells(row, Currency.getInstance(context.shop().currency()));
        try {
            String id = row.text(ID);
            if (ImportCells.nothing(id)) {
                throw cells.refused("is empty", ID);
            }
            String phone = optional(row.text(PHONE));
            if (phone != null) {
                String digits = phone.replaceAll("[ -]", "");
                if (!PHONE_TEXT.matcher(phone).matches() || digits.replace("+", "").length() < 6
                        || digits.replace("+", "").length() > 20) {
                    throw cells.refused("'" + phone + "' is not a phone number", PHONE);
                }
                phone = digits;
            }
            String email = optional(row.text(EMAIL));
            if (email != null && (email.indexOf('@') < 1 || email.indexOf('@') != email.lastIndexOf('@')
                    || email.indexOf('@') == email.length() - 1)) {
                throw cells.refused("'" + email + "' is not an e-mail address", EMAIL);
            }
            Set<String> tags = new TreeSet<>();
            String tagText = optional(row.text(TAGS));
            if (tagText != null) {
                for (String t : TAG_SPLIT.split(tagText)) {
                    String tag = t.strip();
                    if (tag.length() > 30) {
                        throw cells.refused("tag '" + tag + "' is longer than 30 characters", TAGS);
                    }
                    if (!tag.isEmpty()) {
                        tags.add(tag);
                    }
                }
            }
            return ParsedRow.accept(new Row(id.strip(), optional(row.text(NAME)), phone, email, tags));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    private static String optional(String text) {
        return ImportCells.nothing(text) ? null : text.strip();
    }

    @Override
    public WriteResult write(ImportBatch<Row> batch) {
        // Import formats have no plugin clock; the row's time is only when it was last replaced.
        return MemberContactsWriter.write(batch.handle(), batch.shop().id(), batch.records(), Instant.now());
    }
}
