import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of the ingest benchmark: plain JDBC inserts of the same rows the API writes
 * into the same entry table, as single-row transactions or as multi-row INSERT statements,
 * from several connections at once. Prints one line: rows/s and p50/p99 latency per statement.
 *
 * Usage: java -cp postgresql.jar RawInserts.java JDBC_URL single|multi CONNECTIONS SECONDS ROWS_PER_STATEMENT
 */
public class RawInserts {

    static final String COLUMNS = "(id, checkpoint_id, village_id, occurred_at, occurred_offset, received_at, direction, "
            + "resident, party_size, health_code, health_code_read, temperature, fever, decision, recorded_by)";
    static final String ROW = "(?, ?, ?, ?, 28800, now(), ?, true, ?, 'GREEN', 'SCANNED', ?, false, 'ADMITTED', ?)";

    record Checkpoint(UUID id, UUID village, UUID recorder) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        boolean multi = args[1].equals("multi");
        int connections = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        int rowsPerStatement = multi ? Integer.parseInt(args[4]) : 1;

        List<Checkpoint> checkpoints = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT p.id, p.parent_id, a.id FROM place p JOIN account a ON a.place_id = p.parent_id
                     WHERE p.kind = 'CHECKPOINT' AND p.name LIKE 'bench-%' AND a.role = 'VOLUNTEER'
                     """)) {
            while (rs.next()) {
                checkpoints.add(new Checkpoint(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)));
            }
        }
        String sql = "INSERT INTO entry " + COLUMNS + " VALUES " + String.join(", ", java.util.Collections.nCopies(rowsPerStatement, ROW));
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong rows = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int index = t;
            threads.add(new Thread(() -> {
                int n = 0;
                try (Connection c = DriverManager.getConnection(url); PreparedStatement insert = c.prepareStatement(sql)) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        int p = 1;
                        for (int r = 0; r < rowsPerStatement; r++) {
                            Checkpoint cp = checkpoints.get(random.nextInt(checkpoints.size()));
                            insert.setObject(p++, UUID.randomUUID());
                            insert.setObject(p++, cp.id());
                            insert.setObject(p++, cp.village());
                            insert.setTimestamp(p++, Timestamp.from(Instant.now().minusSeconds(random.nextInt(3600))));
                            insert.setString(p++, random.nextBoolean() ? "IN" : "OUT");
                            insert.setInt(p++, 1 + random.nextInt(4));
                            insert.setBigDecimal(p++, new java.math.BigDecimal("36." + random.nextInt(10)));
                            insert.setObject(p++, cp.recorder());
                        }
                        long start = System.nanoTime();
                        insert.executeUpdate();
                        mine[n++] = System.nanoTime() - start;
                        rows.addAndGet(rowsPerStatement);
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
                latencies.set(index, Arrays.copyOf(mine, n));
            }));
        }
        long began = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("RESULT rows_per_s=%.0f p50_ms=%.2f p99_ms=%.2f statements=%d%n", rows.get() / elapsed,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length);
    }
}
