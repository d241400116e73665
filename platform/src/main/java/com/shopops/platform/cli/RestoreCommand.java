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
 * {@code shopops restore FILE}: makes a backup the installation's database, and its {@code FILE.files.zip} the data
 * folder's files/, after checking them.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Make the backup FILE the installation's SQLite database, and FILE.files.zip (when there is one)",
                "its files/ folder. FILE must be a sound ShopOps backup of a schema this ShopOps knows; a database that",
                "has data, or a files/ folder with files, is replaced only with --force. Stop the server first.",
                "PostgreSQL installations use pg_restore instead."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file, as shopops backup wrote it.")
    Path file;

    @Option(names = "--force", description = "Replace the database even if it has data, and files/ even if it has files.")
    boolean force;

    @Override
    public Integer call() {
        Config config = locations.config(Map.of());
        Path database = Backups.sqliteFile(config.dbUrl(), config.dbUser(), true);
        Path files = config.dataDir().resolve("files");
        Backups.Restored restored = Backups.restore(file, database, files, force);
        System.out.printf("restored %s from %s: %s, core schema version %s%n", restored.database(), file,
                Backups.describe(restored.figures(), List.of()), restored.schemaVersion());
        if (!restored.replaced().isEmpty()) {
            System.out.printf("replaced what the database held before: %s%n", Backups.describe(restored.replaced(), List.of()));
        }
        if (restored.files() != null) {
            System.out.printf("restored %s into %s from %s%n", Backups.describe(restored.files()), restored.files().where(),
                    Backups.filesZip(file));
            if (restored.replacedFiles() != null) {
                System.out.printf("replaced what files/ held before: %s%n", Backups.describe(restored.replacedFiles()));
            }
        } else {
            System.out.printf("no files beside the backup (%s): %s left as it was%n", Backups.filesZip(file),
                    files.toAbsolutePath().normalize());
        }
        return 0;
    }
}
