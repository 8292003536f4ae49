package io.upgradebot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints helm/upgrade-bot and renders it with the real Helm library (helm-java), then reads the manifests a cluster
 * would receive: the probes Kubernetes calls, the secrets the pod reads and the env vars the bot is configured by.
 * Plain JUnit: no Quarkus boot.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "upgrade-bot");
    private static final String RELEASE = "bot";
    private static final String FULLNAME = "bot-upgrade-bot";

    /** The secrets the bot reads (README configuration table), each a key of the Secret named like its env var. */
    private static final Set<String> SECRET_ENV = Set.of("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN",
            "GITHUB_TOKEN", "GITHUB_APP_PRIVATE_KEY", "GITHUB_WEBHOOK_SECRET", "QUARKUS_DATASOURCE_PASSWORD",
            "UPGRADE_BOT_STATUS_PAGE_SECRET");

    @TempDir
    Path tmp;

    @Test
    void chartPassesHelmLintStrict() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertFalse(lint.isFailed(), () -> "helm lint --strict: " + lint.getMessages());
    }

    @Test
    void defaultValuesDeployTheProductionBuildOnPostgresWithProbesAndOptionalSecrets() {
        Rendered r = render(new Helm(CHART).template().withName(RELEASE));

        assertEquals(Set.of("Deployment", "Service", "Secret"), r.kinds());
        JsonNode deployment = r.one("Deployment");
        assertEquals(1, deployment.at("/spec/replicas").asInt());
        assertTrue(deployment.at("/spec/strategy").isMissingNode(), "rolling updates are fine on PostgreSQL");

        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        // the image src/main/docker/Dockerfile.jvm makes of the production artifact, tagged as docs/operations.md says
        assertEquals("upgrade-bot:0.1.0-postgres", container.at("/image").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        assertEquals("http", container.at("/livenessProbe/httpGet/port").asText());
        assertEquals(8080, container.at("/ports/0/containerPort").asInt());
        assertTrue(container.at("/resources/limits/memory").isTextual(), "a memory limit keeps the heap bounded");

        Map<String, JsonNode> env = env(container);
        assertEquals("https://slack.com/api/", env.get("SLACK_API_URL").at("/value").asText());
        assertEquals("https://api.github.com", env.get("GITHUB_API_URL").at("/value").asText());
        assertEquals("false", env.get("UPGRADE_BOT_DRY_RUN").at("/value").asText());
        assertEquals("jdbc:postgresql://postgres:5432/upgradebot",
                env.get("QUARKUS_DATASOURCE_JDBC_URL").at("/value").asText());
        // the image's start script sizes the heap from the memory limit; the chart adds nothing by default
        assertFalse(env.containsKey("JAVA_OPTS"));
        for (String name : SECRET_ENV) {
            JsonNode ref = env.get(name).at("/valueFrom/secretKeyRef");
            assertEquals(FULLNAME, ref.at("/name").asText(), name);
            assertEquals(name, ref.at("/key").asText(), name);
            // a missing secret must not keep the pod from starting: the bot logs it and fails closed itself
            assertTrue(ref.at("/optional").asBoolean(), name);
        }

        assertNull(findOrNull(deployment.at("/spec/template/spec/volumes"), "name", "data"), "no H2 volume");

        JsonNode secret = r.one("Secret");
        assertTrue(secret.at("/data").isNull() || secret.at("/data").isMissingNode() || secret.at("/data").isEmpty(),
                () -> "no secret values given, none rendered: " + secret.at("/data"));

        JsonNode service = r.one("Service");
        assertEquals("http", service.at("/spec/ports/0/targetPort").asText());
        assertEquals(deployment.at("/spec/selector/matchLabels"), service.at("/spec/selector"));
    }

    @Test
    void h2FlavourRunsOnePodOnTheEmbeddedDatabaseWithItsVolume() {
        Rendered r = render(new Helm(CHART).template().withName(RELEASE).set("image.flavour", "h2")
                .set("javaOpts", "-XX:+UseSerialGC"));

        assertEquals(Set.of("Deployment", "Service", "Secret", "PersistentVolumeClaim"), r.kinds());
        JsonNode deployment = r.one("Deployment");
        // one pod owns the H2 file: the old pod must be gone before the new one opens it
        assertEquals("Recreate", deployment.at("/spec/strategy/type").asText());
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("upgrade-bot:0.1.0-h2", container.at("/image").asText());
        Map<String, JsonNode> env = env(container);
        assertFalse(env.containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "the h2 build refuses a PostgreSQL URL");
        assertEquals("-XX:+UseSerialGC", env.get("JAVA_OPTS").at("/value").asText());

        JsonNode volumes = deployment.at("/spec/template/spec/volumes");
        assertEquals(FULLNAME + "-data", find(volumes, "name", "data").at("/persistentVolumeClaim/claimName").asText());
        assertEquals("/deployments/data",
                find(container.at("/volumeMounts"), "name", "data").at("/mountPath").asText());
    }

    @Test
    void postgresFlavourWithoutAJdbcUrlIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Helm(CHART).template().withName(RELEASE).set("datasource.jdbcUrl", "").call());

        assertTrue(e.getMessage().contains("image.flavour postgres needs datasource.jdbcUrl"), e.getMessage());
    }

    @Test
    void imageAndCiStartTheArtifactWithTheSameScript() throws IOException {
        String dockerfile = Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm"));
        String ci = Files.readString(Path.of(".ci", "run"));
        String script = Files.readString(Path.of("src", "main", "docker", "run.sh"));

        assertTrue(dockerfile.contains("COPY --chown=185:0 src/main/docker/run.sh /deployments/run.sh"), dockerfile);
        assertTrue(dockerfile.contains("ENTRYPOINT [\"/deployments/run.sh\"]"), dockerfile);
        assertTrue(dockerfile.contains("USER 185"), "not root");
        assertFalse(dockerfile.contains("JAVA_OPTS="), "JVM options live in run.sh only");
        // CI builds what the README says and starts it with the image's script
        assertTrue(ci.contains("./mvnw -B -DskipTests package -Ppostgres"), "CI packages the documented artifact");
        assertTrue(ci.contains("src/main/docker/run.sh"), "CI starts the replicas with the image's script");
        assertTrue(script.contains("-XX:MaxRAMPercentage="), "heap from the container's memory limit");
        assertTrue(Files.isExecutable(Path.of("src", "main", "docker", "run.sh")));
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("./mvnw -B -DskipTests package -Ppostgres"), "README names the same command");
    }

    @Test
    void chartSecretHoldsOnlyTheSecretsGivenKeyedByEnvVarName() {
        Rendered r = render(new Helm(CHART).template().withName(RELEASE)
                .set("secrets.slackSigningSecret", "8f742231b10e8888abcd99yyyzzz85a5")
                .set("secrets.slackBotToken", "xoxb-1-2-3")
                .set("secrets.datasourcePassword", "pg-pass"));

        JsonNode data = r.one("Secret").at("/data");
        assertEquals(Set.of("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "QUARKUS_DATASOURCE_PASSWORD"),
                fieldNames(data));
        assertEquals("xoxb-1-2-3", decode(data.at("/SLACK_BOT_TOKEN").asText()));
        assertEquals("8f742231b10e8888abcd99yyyzzz85a5", decode(data.at("/SLACK_SIGNING_SECRET").asText()));
        // changing a secret rolls the pods
        assertTrue(r.one("Deployment").at("/spec/template/metadata/annotations/checksum~1secret").isTextual());
    }

    @Test
    void productionValuesRunReplicasOnPostgresWithTheOperatorsSecret() throws IOException {
        Path values = tmp.resolve("production.yaml");
        Files.writeString(values, """
                replicaCount: 3
                image:
                  repository: registry.example.com/platform/upgrade-bot
                  tag: 0.1.0-postgres
                existingSecret: upgrade-bot-secrets
                datasource:
                  jdbcUrl: jdbc:postgresql://postgres.db:5432/upgradebot
                  username: bot
                github:
                  apiUrl: https://github.example.com/api/v3
                  appId: "123456"
                  appInstallationId: "7890"
                config:
                  UPGRADE_BOT_DRY_RUN: true
                  UPGRADE_BOT_ORCHESTRATORS: U0123ABCD,U0456EFGH
                  UPGRADE_BOT_BOARD_NUMBER: 12
                extraEnv:
                  - name: QUARKUS_LOG_LEVEL
                    value: DEBUG
                """, StandardCharsets.UTF_8);

        Rendered r = render(new Helm(CHART).template().withName(RELEASE).withValuesFile(values));

        assertEquals(Set.of("Deployment", "Service", "PodDisruptionBudget"), r.kinds(),
                "no Secret of our own, no H2 volume; a disruption budget for the replicas");
        JsonNode deployment = r.one("Deployment");
        assertEquals(3, deployment.at("/spec/replicas").asInt());
        assertTrue(deployment.at("/spec/strategy").isMissingNode(), "rolling updates are fine on PostgreSQL");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("registry.example.com/platform/upgrade-bot:0.1.0-postgres", container.at("/image").asText());

        Map<String, JsonNode> env = env(container);
        assertEquals("jdbc:postgresql://postgres.db:5432/upgradebot",
                env.get("QUARKUS_DATASOURCE_JDBC_URL").at("/value").asText());
        assertEquals("bot", env.get("QUARKUS_DATASOURCE_USERNAME").at("/value").asText());
        assertEquals("https://github.example.com/api/v3", env.get("GITHUB_API_URL").at("/value").asText());
        assertEquals("123456", env.get("GITHUB_APP_ID").at("/value").asText());
        assertEquals("7890", env.get("GITHUB_APP_INSTALLATION_ID").at("/value").asText());
        // YAML booleans and numbers reach the container as the strings the bot parses
        assertEquals("true", env.get("UPGRADE_BOT_DRY_RUN").at("/value").asText());
        assertEquals("12", env.get("UPGRADE_BOT_BOARD_NUMBER").at("/value").asText());
        assertEquals("U0123ABCD,U0456EFGH", env.get("UPGRADE_BOT_ORCHESTRATORS").at("/value").asText());
        assertEquals("DEBUG", env.get("QUARKUS_LOG_LEVEL").at("/value").asText());
        for (String name : SECRET_ENV) {
            assertEquals("upgrade-bot-secrets", env.get(name).at("/valueFrom/secretKeyRef/name").asText(), name);
        }

        JsonNode volumes = deployment.at("/spec/template/spec/volumes");
        assertNull(findOrNull(volumes, "name", "data"), "no H2 data volume on PostgreSQL");
        assertTrue(deployment.at("/spec/template/metadata/annotations/checksum~1secret").isMissingNode());
    }

    @Test
    void everyOptionEnabledPassesHelmLintStrict() throws IOException {
        // helm lint reads the chart's own values.yaml: lint a copy whose values switch every option on
        Path chart = copyChart();
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode values = (ObjectNode) yaml.readTree(chart.resolve("values.yaml").toFile());
        values.put("replicaCount", 2);
        ObjectNode ingress = (ObjectNode) values.get("ingress");
        ingress.put("enabled", true).put("host", "bot.example.com").put("className", "nginx")
                .put("tlsSecretName", "bot-tls");
        ((ObjectNode) values.get("serviceMonitor")).put("enabled", true);
        yaml.writeValue(chart.resolve("values.yaml").toFile(), values);

        LintResult lint = new Helm(chart).lint().strict().call();

        assertFalse(lint.isFailed(), () -> "helm lint --strict: " + lint.getMessages());
        Rendered r = render(new Helm(chart).template().withName(RELEASE));
        assertEquals(Set.of("Deployment", "Service", "Secret", "Ingress", "PodDisruptionBudget", "ServiceMonitor"),
                r.kinds());
    }

    @Test
    void ingressRoutesOnlyTheSlackAndGitHubPathsToTheService() {
        Rendered r = render(new Helm(CHART).template().withName(RELEASE)
                .set("ingress.enabled", true).set("ingress.host", "bot.example.com")
                .set("ingress.className", "nginx").set("ingress.tlsSecretName", "bot-tls")
                .set("ingress.annotations.cert-manager\\.io/cluster-issuer", "letsencrypt"));

        JsonNode ingress = r.one("Ingress");
        assertEquals("nginx", ingress.at("/spec/ingressClassName").asText());
        assertEquals("letsencrypt", ingress.at("/metadata/annotations/cert-manager.io~1cluster-issuer").asText());
        assertEquals("bot-tls", ingress.at("/spec/tls/0/secretName").asText());
        assertEquals("bot.example.com", ingress.at("/spec/tls/0/hosts/0").asText());
        JsonNode rule = ingress.at("/spec/rules/0");
        assertEquals("bot.example.com", rule.at("/host").asText());
        List<String> paths = new ArrayList<>();
        for (JsonNode path : rule.at("/http/paths")) {
            paths.add(path.at("/path").asText());
            // exact paths: /q/health, /q/metrics and anything else stay inside the cluster
            assertEquals("Exact", path.at("/pathType").asText());
            assertEquals(FULLNAME, path.at("/backend/service/name").asText());
            assertEquals("http", path.at("/backend/service/port/name").asText());
        }
        assertEquals(List.of("/slack/events", "/github/webhook"), paths);
        assertEquals(FULLNAME, r.one("Service").at("/metadata/name").asText());
    }

    @Test
    void ingressRoutesTheStatusPagesOnlyWhenAskedTo() {
        Rendered r = render(new Helm(CHART).template().withName(RELEASE).set("ingress.enabled", true)
                .set("ingress.host", "bot.example.com").set("ingress.statusPage", true));

        List<String> paths = new ArrayList<>();
        for (JsonNode path : r.one("Ingress").at("/spec/rules/0/http/paths")) {
            paths.add(path.at("/pathType").asText() + " " + path.at("/path").asText());
        }
        assertEquals(List.of("Exact /slack/events", "Exact /github/webhook", "Prefix /projects/",
                "Prefix /api/projects/"), paths);
    }

    @Test
    void ingressWithoutAHostIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Helm(CHART).template().withName(RELEASE).set("ingress.enabled", true).call());

        assertTrue(e.getMessage().contains("ingress.enabled needs ingress.host"), e.getMessage());
    }

    @Test
    void podDisruptionBudgetOnlyWhenThereAreSeveralReplicas() {
        assertFalse(render(new Helm(CHART).template().withName(RELEASE)).kinds().contains("PodDisruptionBudget"),
                "one replica: a budget would block every node drain");
        assertFalse(render(new Helm(CHART).template().withName(RELEASE).set("replicaCount", 3)
                .set("podDisruptionBudget.enabled", false)).kinds().contains("PodDisruptionBudget"));

        Rendered r = render(new Helm(CHART).template().withName(RELEASE).set("replicaCount", 3));

        JsonNode pdb = r.one("PodDisruptionBudget");
        assertEquals(1, pdb.at("/spec/maxUnavailable").asInt());
        assertEquals(r.one("Deployment").at("/spec/selector/matchLabels"), pdb.at("/spec/selector/matchLabels"));
    }

    @Test
    void serviceMonitorScrapesQuarkusMetricsFromTheService() {
        assertFalse(render(new Helm(CHART).template().withName(RELEASE)).kinds().contains("ServiceMonitor"));

        Rendered r = render(new Helm(CHART).template().withName(RELEASE)
                .set("serviceMonitor.enabled", true).set("serviceMonitor.labels.release", "prometheus"));

        JsonNode monitor = r.one("ServiceMonitor");
        assertEquals("monitoring.coreos.com/v1", monitor.at("/apiVersion").asText());
        assertEquals("prometheus", monitor.at("/metadata/labels/release").asText());
        assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
        assertEquals("http", monitor.at("/spec/endpoints/0/port").asText());
        assertEquals("http", r.one("Service").at("/spec/ports/0/name").asText());
        // the selector must pick our Service by its labels
        JsonNode serviceLabels = r.one("Service").at("/metadata/labels");
        monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(
                e -> assertEquals(e.getValue(), serviceLabels.get(e.getKey()), e.getKey()));
    }

    @Test
    void aTypoInTheValuesFailsInsteadOfBeingIgnored() {
        // values.schema.json: unknown keys are refused at the top level and inside the chart's own groups
        for (String typo : List.of("replicas", "ingress.enable", "image.flavor", "datasource.jdbcURL",
                "serviceMonitor.enabeld")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new Helm(CHART).template().withName(RELEASE).set(typo, "x").call(), typo);
            String last = typo.substring(typo.lastIndexOf('.') + 1);
            assertTrue(e.getMessage().contains(last), () -> typo + ": " + e.getMessage());
        }
        IllegalStateException flavour = assertThrows(IllegalStateException.class,
                () -> new Helm(CHART).template().withName(RELEASE).set("image.flavour", "postgresql").call());
        assertTrue(flavour.getMessage().contains("flavour"), flavour.getMessage());
        // env var names only under config
        assertThrows(IllegalStateException.class,
                () -> new Helm(CHART).template().withName(RELEASE).set("config.upgrade-bot\\.dry-run", "true").call());
    }

    @Test
    void severalReplicasOnTheEmbeddedDatabaseAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Helm(CHART).template().withName(RELEASE).set("image.flavour", "h2").set("replicaCount", 2)
                        .call());

        assertTrue(e.getMessage().contains("replicaCount > 1 needs PostgreSQL"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------------------------

    private record Rendered(List<JsonNode> docs) {
        Set<String> kinds() {
            Set<String> kinds = new TreeSet<>();
            docs.forEach(d -> kinds.add(d.at("/kind").asText()));
            return kinds;
        }

        JsonNode one(String kind) {
            List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.at("/kind").asText())).toList();
            assertEquals(1, found.size(), () -> "one " + kind + " expected, got " + found.size());
            return found.get(0);
        }
    }

    private static Rendered render(com.marcnuri.helm.TemplateCommand command) {
        String yaml = command.call();
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("rendered chart is not YAML:\n" + yaml, e);
        }
        return new Rendered(docs);
    }

    private Path copyChart() throws IOException {
        Path target = tmp.resolve("upgrade-bot");
        try (var files = Files.walk(CHART)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(source, to);
                }
            }
        }
        return target;
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode e : container.at("/env")) {
            JsonNode previous = env.put(e.at("/name").asText(), e);
            assertNull(previous, () -> "env var set twice: " + e.at("/name").asText());
        }
        return env;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        JsonNode found = findOrNull(array, field, value);
        assertTrue(found != null, () -> "no element with " + field + "=" + value + " in " + array);
        return found;
    }

    private static JsonNode findOrNull(JsonNode array, String field, String value) {
        for (JsonNode e : array) {
            if (value.equals(e.path(field).asText())) {
                return e;
            }
        }
        return null;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
