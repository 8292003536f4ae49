package io.upgradebot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code /upgrade help} is built from each subcommand's {@code usage()}, so Slack always shows the real syntax; the
 * README's command table and the manifest's usage hint are written by hand. This reads every subcommand class in
 * slack/command (its {@code name()} and {@code usage()} literals) and checks both name each one with the same
 * syntax, and nothing else. Plain JUnit: no Quarkus boot.
 */
class CommandDocsTest {

    private static final Path COMMANDS = Path.of("src", "main", "java", "io", "upgradebot", "slack", "command");
    private static final Pattern NAME = Pattern.compile("String name\\(\\) \\{\\s*return \"([^\"]+)\";");
    private static final Pattern USAGE = Pattern.compile("String usage\\(\\) \\{\\s*return \"([^\"]+)\";");

    @Test
    void everySubcommandHasALiteralNameAndAUsageStartingWithIt() throws IOException {
        Map<String, String> usages = usages();

        assertTrue(usages.keySet().containsAll(Set.of("new", "status", "repos", "help")),
                () -> "the scan must see the subcommands: " + usages.keySet());
        usages.forEach((name, usage) -> assertTrue(usage.equals("/upgrade " + name)
                || usage.startsWith("/upgrade " + name + " "), () -> name + ": usage " + usage));
    }

    @Test
    void readmeCommandTableListsEverySubcommandWithItsUsage() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Commands\n");
        assertTrue(start >= 0, "README has a '## Commands' section");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher row = Pattern.compile("(?m)^\\| `(/upgrade[^`]*)` \\|").matcher(readme.substring(start, end));
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1).replace("\\|", "|")); // a pipe inside a table cell is written \|
        }

        assertEquals(new TreeSet<>(usages().values()), new TreeSet<>(documented),
                "README '## Commands' rows, as /upgrade help shows them");
        assertEquals(documented.size(), new TreeSet<>(documented).size(), "no command twice");
    }

    @Test
    void manifestUsageHintGivesEverySubcommandWithItsArguments() throws IOException {
        String hint = new ObjectMapper().readTree(Files.readString(Path.of("manifest.json"), StandardCharsets.UTF_8))
                .at("/features/slash_commands/0/usage_hint").asText();
        // alternatives inside one subcommand are written a|b, without spaces; " | " separates subcommands
        Set<String> hinted = Arrays.stream(hint.split(" \\| ")).map(String::strip).collect(Collectors.toSet());

        Set<String> expected = usages().values().stream().map(u -> u.substring("/upgrade ".length()))
                .collect(Collectors.toSet());
        assertEquals(new TreeSet<>(expected), new TreeSet<>(hinted),
                "manifest.json usage_hint, subcommand by subcommand");
    }

    /** Subcommand name to usage, read from the source of every class that implements UpgradeSubcommand. */
    static Map<String, String> usages() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(COMMANDS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(f, StandardCharsets.UTF_8);
                if (!source.contains("implements UpgradeSubcommand")) {
                    continue;
                }
                Matcher name = NAME.matcher(source);
                Matcher usage = USAGE.matcher(source);
                // a subcommand whose name or usage is not one literal would slip past this check: say so instead
                assertTrue(name.find() && usage.find(), f + ": name() and usage() should each return one literal");
                out.put(name.group(1), usage.group(1));
            }
        }
        return out;
    }
}
