/*
 * A real Neo4j 5 Community DBMS for kg's integration tests: Bolt on a loopback port, authentication on.
 *
 * Runs with Java's single-file source launcher (Java 17+), the classpath resolved by Maven from pom.xml:
 *   java -Xmx1g -cp "$(cat .cache/neo4j/classpath.txt)" .ci/neo4j/Neo4jServer.java \
 *        [--port 7697] [--home .cache/neo4j/home] [--password PW] [--watch-stdin]
 * .ci/neo4j/start instead compiles it once into .cache/neo4j/classes (saves ~1 s and ~70 MB per start),
 * runs it in the background and waits for the READY line.
 *
 * --password     the password of user neo4j (default: $NEO4J_PASSWORD, else "kg-test-password";
 *                Neo4j requires at least 8 characters). Set on every start, so it always wins.
 * --home         the DBMS home: data/ (databases, users) and logs/ go under it; kept between starts.
 * --http-port N  refused: nothing listens over HTTP, as the embedded DBMS has no HTTP API (Bolt only).
 * --watch-stdin  shut down when standard input closes (for a parent that pipes into us); without it,
 *                stdin is ignored, so a background start with </dev/null keeps running.
 * Shuts down cleanly on SIGTERM/SIGINT (JVM shutdown hook), and prints
 *   NEO4J READY bolt://127.0.0.1:PORT
 * once Bolt accepts connections and the password is set.
 */

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;

public final class Neo4jServer {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Neo4j's threads are not daemons: without an exit, a failed start would hang here.
            e.printStackTrace();
            fail(e.toString().replace('\n', ' '));
        }
    }

    private static void run(String[] args) throws Exception {
        int port = 7697;
        Path home = Path.of(".cache", "neo4j", "home");
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "kg-test-password");
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--home", "--data" -> home = Path.of(value(args, ++i));
                case "--password" -> password = value(args, ++i);
                case "--http-port" -> fail("--http-port: the embedded DBMS has no HTTP API; use Bolt");
                case "--watch-stdin" -> watchStdin = true;
                case "-h", "--help" -> {
                    System.out.println("usage: Neo4jServer [--port N] [--home DIR] [--password PW] [--watch-stdin]");
                    return;
                }
                default -> fail("unknown argument: " + args[i]);
            }
        }
        if (password.length() < 8) {
            fail("the password must have at least 8 characters (Neo4j's minimum)");
        }
        if (accepts(port)) {
            fail("port " + port + " on " + HOST + " is already in use");
        }
        home = home.toAbsolutePath().normalize();
        Files.createDirectories(home);

        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(Map.ofEntries(
                        Map.entry(BoltConnector.enabled, true),
                        Map.entry(BoltConnector.listen_address, new SocketAddress(HOST, port)),
                        Map.entry(BoltConnector.advertised_address, new SocketAddress(HOST, port)),
                        Map.entry(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED),
                        Map.entry(BoltConnector.thread_pool_max_size, 50),
                        // Stop in about a second rather than Bolt's default 5 s grace period.
                        Map.entry(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1)),
                        Map.entry(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1)),
                        Map.entry(HttpConnector.enabled, false),
                        Map.entry(HttpsConnector.enabled, false),
                        Map.entry(GraphDatabaseSettings.auth_enabled, true),
                        // Tests try wrong passwords on purpose: never lock the neo4j user out for them.
                        Map.entry(GraphDatabaseSettings.auth_max_failed_attempts, 0),
                        // Small and frugal: 2 cores, other jobs run beside it.
                        Map.entry(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64)),
                        Map.entry(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(256)),
                        Map.entry(GraphDatabaseSettings.preallocate_logical_logs, false),
                        Map.entry(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16)),
                        Map.entry(GraphDatabaseSettings.keep_logical_logs, "false"),
                        Map.entry(GraphDatabaseSettings.udc_enabled, false),
                        Map.entry(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println("NEO4J STOPPING");
            System.out.flush();
            try {
                dbms.shutdown();
            } finally {
                System.out.println("NEO4J STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        // A new DBMS has user neo4j with password "neo4j" (change required): set ours, usable at once.
        // On a kept home the password may already be ours, which Neo4j refuses to "change" again.
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }

        if (!accepts(port)) {
            fail("Neo4j started but Bolt does not accept connections on " + HOST + ":" + port);
        }
        System.out.printf("Neo4j %s (community, embedded DBMS) home=%s pid=%d started in %.1f s%n",
                Version.getNeo4jVersion(), home, ProcessHandle.current().pid(),
                (System.nanoTime() - started) / 1e9);
        System.out.println("NEO4J READY bolt://" + HOST + ":" + port);
        System.out.flush();

        if (watchStdin) {
            InputStream in = System.in;
            byte[] buf = new byte[256];
            while (in.read(buf) >= 0) {
                // drain until the parent closes our stdin
            }
            System.out.println("stdin closed: shutting down");
            System.exit(0); // runs the shutdown hook
        }
        stopped.await();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("NEO4J FAILED " + message);
        System.exit(2);
    }
}
