package com.example.shop.deliveries.imports;

import com.example.shop.deliveries.Parcel;
import com.example.shop.deliveries.DeliveriesStore;
import com.shopops.api.CellRefused;
import com.shopops.api.Cells;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.pf4j.Extension;

/**
 * A courier's parcel report (kind {@code deliveries}, format {@code courier-report}), Chinese or English
 * headers: 运单号/Tracking No, 订单号/Order ID, 快递公司/Courier, 发货时间/Shipped At, 签收时间/Delivered At
 * (empty while on the way). Times without an offset are the shop's local time. A row is rejected, with its
 * column, for an empty tracking number, order or courier, a time that is not one, or a signature before the
 * shipping.
 */
@Extension
public final class CourierReport implements ImportFormat<Parcel> {

    static final String[] TRACKING = {"运单号", "Tracking No", "Tracking Number"};
    static final String[] ORDER = {"订单号", "订单编号", "Order ID", "Order"};
    static final String[] COURIER = {"快递公司", "Courier"};
    static final String[] SHIPPED = {"发货时间", "Shipped At"};
    static final String[] DELIVERED = {"签收时间", "Delivered At"};

    @Override
    public String kind() {
        return "deliveries";
    }

    @Override
    public String name() {
        return "courier-report";
    }

    @Override
    public String describe() {
        return "a courier's parcel report: 运单号/Tracking No, 订单号/Order ID, 快递公司/Courier, 发货时间/Shipped At, 签收时间/Delivered At";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ImportCells.has(header, TRACKING) && ImportCells.has(header, SHIPPED) && ImportCells.has(header, COURIER);
    }

    @Override
    public ParsedRow<Parcel> parse(ImportRow row, ImportContext context) {
        ImportCells cells = new ImportCells(row, Currency.getInstance(context.shop().currency()));
        try {
            String tracking = cells.text(TRACKING);
            String order = cells.text(ORDER);
            String courier = cells.text(COURIER);
            Instant shipped = time(cells, context, SHIPPED);
            if (shipped == null) {
                throw cells.refused("is empty", SHIPPED);
            }
            Instant delivered = time(cells, context, DELIVERED);
            if (delivered != null && delivered.isBefore(shipped)) {
                throw cells.refused("is before the shipping time " + row.text(SHIPPED), DELIVERED);
            }
            LocalDate day = cells.withinYears(LocalDate.ofInstant(shipped, context.shop().timeZone()), SHIPPED);
            return ParsedRow.accept(new Parcel(tracking, order, courier, shipped, day, delivered));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<Parcel> batch) {
        return DeliveriesStore.write(batch.handle(), batch.shop().id(), batch.records());
    }

    private static Instant time(ImportCells cells, ImportContext context, String... names) {
        String text = cells.row().text(names);
        if (ImportCells.nothing(text)) {
            return null;
        }
        try {
            return Cells.instant(text, context.shop().timeZone());
        } catch (IllegalArgumentException e) {
            throw cells.refused("is not a time (e.g. 2024-03-05 14:20)", names);
        }
    }
}
