package com.shopops.platform.cli;

import com.shopops.api.Role;
import com.shopops.platform.Installation;
import com.shopops.platform.people.Users;
import com.shopops.platform.server.Json;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shopops user add|list}: the people who use this installation. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add a user, or list them.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user with one or more roles and the shops they work on.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Parameters(paramLabel = "NAME", description = "The user name they sign in with.")
        String name;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "owner, operator, promotion, design, service or finance; repeat or separate with commas.")
        List<Role> roles;

        @Option(names = "--shop", split = ",", paramLabel = "CODE", description = "A shop they may see (owners see all); repeatable.")
        List<String> shops = new ArrayList<>();

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            try (Installation installation = Installation.open(locations.config(Map.of()))) {
                String password = PasswordInput.read(passwordStdin, name);
                Users.User user = installation.people().users().create(new Users.NewUser(name, password, EnumSet.copyOf(roles), shops));
                String shopText = user.allShops() ? "all shops" : user.shops().isEmpty() ? "no shop yet" : String.join(", ", user.shops());
                CommandLineAudit.record(installation, "user.create", user.name(), "roles " + user.roles() + "; shops " + shopText);
                System.out.println("added " + user.name() + " (" + user.roles() + ", " + shopText + ")");
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Installation installation = Installation.open(locations.config(Map.of()))) {
                List<Users.User> users = installation.people().users().all();
                if (json) {
                    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(users));
                    return 0;
                }
                System.out.printf("%-20s %-8s %-30s %s%n", "NAME", "ACTIVE", "ROLES", "SHOPS");
                for (Users.User u : users) {
                    System.out.printf("%-20s %-8s %-30s %s%n", u.name(), u.active() ? "yes" : "no", u.roles(),
                            u.allShops() ? "all" : String.join(",", u.shops()));
                }
                return 0;
            }
        }
    }
}
