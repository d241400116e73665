package com.shopops.platform.cli;

import com.shopops.platform.config.Config;
import com.shopops.platform.core.Backups;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shopops backup FILE}: a consistent copy of the installation's SQLite database, safe while the server runs,
 * and the data folder's files/ in {@code FILE.files.zip}.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the installation's SQLite database to FILE: one consistent moment, also while the server",
                "runs or an import writes; the data folder's files/ goes to FILE.files.zip. PostgreSQL installations use",
                "pg_dump instead."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to write (not an existing one, unless --force); FILE.files.zip beside it.")
    Path file;

    @Option(names = "--force", description = "Replace FILE and FILE.files.zip if they exist.")
    boolean force;

    @Override
    public Integer call() {
        Config config = locations.config(Map.of());
        Path database = Backups.sqliteFile(config.dbUrl(), config.dbUser(), false);
        boolean console = System.console() != null;
        Path files = config.dataDir().resolve("files");
        Backups.Made made = Backups.backup(database, files, file, force, (pages, total) -> {
            if (console && total > 0) {
                System.err.printf("\rbackup %3d %%   ", pages * 100 / total);
            }
        });
        if (console) {
            System.err.println();
        }
        System.out.printf("backed up %s to %s: %s, core schema version %s, %s%n", database, made.file(),
                Backups.describe(made.figures(), List.of()), made.schemaVersion(), Backups.size(made.bytes()));
        if (made.files().where() != null) {
            System.out.printf("kept %s of %s in %s%n", Backups.describe(made.files()), files.toAbsolutePath().normalize(),
                    made.files().where());
        } else {
            System.out.printf("%s holds no files: no files zip written%n", files.toAbsolutePath().normalize());
        }
        return 0;
    }
}
