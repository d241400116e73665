import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Writes N order lines in the UCI "Online Retail" layout (InvoiceNo, StockCode, Description, Quantity,
 * InvoiceDate as M/d/yy H:mm, UnitPrice, CustomerID, Country), the same for the same seed: invoices of
 * 1–40 lines over a year, 2% cancellations (C…), 3% guest invoices, 0.5% zero-price lines (skipped by
 * the import's rules), 4,000 customers, 3,000 stock codes. Run: java MakeOrders.java FILE LINES [SEED]
 */
public class MakeOrders {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long lines = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 7);
        String[] words = {"WHITE", "HANGING", "HEART", "T-LIGHT", "HOLDER", "METAL", "LANTERN", "CREAM", "CUPID",
                "COAT", "HANGER", "KNITTED", "UNION", "FLAG", "HOT", "WATER", "BOTTLE", "RED", "WOOLLY", "HOTTIE"};
        String[] descriptions = new String[3_000];
        int[] prices = new int[3_000];
        for (int i = 0; i < descriptions.length; i++) {
            descriptions[i] = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " "
                    + words[random.nextInt(words.length)];
            prices[i] = 29 + random.nextInt(1_500);
        }
        LocalDateTime start = LocalDateTime.of(2010, 12, 1, 8, 0);
        long written = 0;
        int invoice = 536_365;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            while (written < lines) {
                invoice++;
                boolean cancelled = random.nextInt(100) < 2;
                boolean guest = random.nextInt(100) < 3;
                String number = (cancelled ? "C" : "") + invoice;
                String customer = guest ? "" : String.valueOf(12_346 + random.nextInt(4_000));
                LocalDateTime at = start.plusMinutes((long) (written * 525_600.0 / lines));
                String date = at.getMonthValue() + "/" + at.getDayOfMonth() + "/" + (at.getYear() % 100) + " "
                        + at.getHour() + ":" + String.format("%02d", at.getMinute());
                int size = 1 + random.nextInt(40);
                for (int l = 0; l < size && written < lines; l++, written++) {
                    int product = random.nextInt(descriptions.length);
                    int quantity = (1 + random.nextInt(24)) * (cancelled ? -1 : 1);
                    int price = random.nextInt(200) == 0 ? 0 : prices[product];
                    w.write(number + "," + (20_000 + product) + "," + descriptions[product] + "," + quantity + "," + date
                            + "," + price / 100 + "." + String.format("%02d", price % 100) + "," + customer
                            + ",United Kingdom\n");
                }
            }
        }
    }
}
