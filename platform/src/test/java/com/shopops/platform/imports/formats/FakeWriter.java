package com.shopops.platform.imports.formats;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.api.data.CoreWriter;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import java.util.List;

/** A core writer that answers which method was called: imported = the method's number. */
final class FakeWriter implements CoreWriter {

    @Override
    public WriteResult orders(List<OrderRow> rows) {
        return new WriteResult(1, 0);
    }

    @Override
    public WriteResult products(List<Product> products) {
        return new WriteResult(2, 0);
    }

    @Override
    public WriteResult traffic(List<TrafficDay> days) {
        return new WriteResult(3, 0);
    }

    @Override
    public WriteResult events(List<BehaviourEvent> events) {
        return new WriteResult(4, 0);
    }

    @Override
    public WriteResult reviews(List<ReviewRow> reviews) {
        return new WriteResult(5, 0);
    }

    @Override
    public WriteResult refunds(List<RefundRow> refunds) {
        return new WriteResult(6, 0);
    }

    @Override
    public WriteResult targets(List<Target> targets) {
        return new WriteResult(7, 0);
    }
}
