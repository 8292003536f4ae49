package io.upgradebot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule, checked on the compiled classes so that a wrong import fails the build rather than a review:
 * slack/, schedule/, web/ -> project/ -> github/, store/ -> domain/, and domain/ uses java.* only. A plain JUnit
 * test (no Quarkus boot): it reads class files.
 *
 * <p>Allowed on purpose, so not checked here: every package but domain/ may depend on config/ (the typed settings are read where
 * they are used: a Slack view's limits, a job's schedule, a use case's policy) and on the platform and SDKs it
 * adapts (Bolt in slack/, JAX-RS in web/, Quartz in schedule/). schedule/ still uses store/ directly (the purge of
 * processed requests, the Quartz triggers built from a scheduled message): the rule on store/ and transactions is
 * about the request-facing adapters, slack/ and web/.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.upgradebot");
    }

    @Test
    void domainUsesTheJavaPlatformOnly() {
        classes().that().resideInAPackage("io.upgradebot.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.upgradebot.domain..")
                .check(main);
    }

    @Test
    void nothingBelowTheAdaptersDependsOnThem() {
        noClasses().that().resideInAnyPackage("io.upgradebot.domain..", "io.upgradebot.store..",
                "io.upgradebot.github..", "io.upgradebot.project..", "io.upgradebot.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.upgradebot.slack..", "io.upgradebot.web..",
                        "io.upgradebot.schedule..", "io.upgradebot.chart..")
                .check(main);
    }

    /** chart/ only draws what project/ hands it (its port and records): no state, no GitHub, no Slack. */
    @Test
    void chartsAreDrawnFromProjectDataOnly() {
        noClasses().that().resideInAPackage("io.upgradebot.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("io.upgradebot.store..", "io.upgradebot.github..",
                        "io.upgradebot.slack..", "io.upgradebot.web..", "io.upgradebot.schedule..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.narayana.jta.QuarkusTransaction")
                .check(main);
    }

    /** Handlers parse, call a use case in project/, render what it returns: entities and transactions stay there. */
    @Test
    void slackAndWebGoThroughUseCasesNotTheStoreNorTransactions() {
        noClasses().that().resideInAnyPackage("io.upgradebot.slack..", "io.upgradebot.web..")
                .should().dependOnClassesThat().resideInAPackage("io.upgradebot.store..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.narayana.jta.QuarkusTransaction")
                .check(main);
    }

    /** GitHub is reached through project/'s use cases and ports (e.g. the write queue), never by an adapter itself. */
    @Test
    void adaptersReachGitHubOnlyThroughProjectPorts() {
        noClasses().that().resideInAnyPackage("io.upgradebot.slack..", "io.upgradebot.web..",
                "io.upgradebot.schedule..")
                .should().dependOnClassesThat().resideInAPackage("io.upgradebot.github..")
                .check(main);
    }

    /**
     * Slack mentions are words of the Slack adapter: use cases hand over contacts and user ids as data, and
     * slack/view writes {@code <@U…>} and {@code <!subteam^…>}. Read from the sources, since string constants leave
     * no dependency in the class files.
     */
    @Test
    void noSlackMentionIsWrittenInProject() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/upgradebot/project"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    String text = m.group();
                    if (text.contains("<@") || text.contains("<!subteam") || text.contains("<!here")
                            || text.contains("<!channel")) {
                        found.add(file.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "Slack mentions written in project/ (word them in slack/view/): " + found);
    }
}
