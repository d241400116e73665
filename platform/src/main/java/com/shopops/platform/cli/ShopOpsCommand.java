package com.shopops.platform.cli;

import com.shopops.platform.Host;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shopops}: the top command; its subcommands do the work. */
@Command(name = "shopops", mixinStandardHelpOptions = true, versionProvider = ShopOpsCommand.Version.class,
        description = "ShopOps, the operations cockpit for an online shop team.",
        subcommands = {ServeCommand.class, InitCommand.class, UserCommand.class, TokenCommand.class, ImportCommand.class, SummaryCommand.class, BriefingCommand.class, ShopsCommand.class, DemoCommand.class, BackupCommand.class, RestoreCommand.class,
                TargetsCommand.class,
                PluginsCommand.class, CommandLine.HelpCommand.class})
public final class ShopOpsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with ShopOps' error handling: a clear one-line message and exit code 2 for usage errors. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ShopOpsCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --role owner as well as --role OWNER
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("shopops: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ShopOps " + Host.VERSION + " (plugin API " + com.shopops.api.ShopOpsApi.VERSION + ")"};
        }
    }
}
