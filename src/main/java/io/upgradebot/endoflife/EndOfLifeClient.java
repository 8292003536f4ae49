package io.upgradebot.endoflife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.SupportCycle;
import io.upgradebot.domain.SupportLookup;
import io.upgradebot.domain.SupportWindow;
import io.upgradebot.project.SupportWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Reads support windows from endoflife.date ({@code GET {base}/api/{product}.json}), the runbook's "very useful
 * resource" for the first step of scheduling the completion date.
 *
 * <p>Failure semantics: an unknown product (404), an unreachable or slow API, or an unexpected answer give an
 * empty result and a log line, never an exception; the person then enters the date manually. Successful answers
 * are cached per product for {@code upgrade-bot.endoflife.cache-ttl}, failures are not.
 */
@ApplicationScoped
public class EndOfLifeClient implements SupportWindows {

    private static final Logger LOG = Logger.getLogger(EndOfLifeClient.class);
    /** endoflife.date product ids ("django", "nodejs", "amazon-linux"); anything else never reaches the URL. */
    private static final Pattern PRODUCT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private record Cached(Instant at, List<SupportCycle> cycles) {
    }

    private final URI baseUrl;
    private final Duration timeout;
    private final Duration cacheTtl;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public EndOfLifeClient(UpgradeBotConfig config, ObjectMapper mapper, Clock clock) {
        this(URI.create(config.endoflife().apiUrl()), config.endoflife().timeout(), config.endoflife().cacheTtl(),
                mapper, clock);
    }

    public EndOfLifeClient(URI baseUrl, Duration timeout, Duration cacheTtl, ObjectMapper mapper, Clock clock) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.timeout = timeout;
        this.cacheTtl = cacheTtl;
        this.mapper = mapper;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The cycle a person means by {@code version} ("4.2", "4.2.16", "v18"); empty when unknown or unavailable. */
    public Optional<SupportCycle> cycle(String product, String version) {
        return SupportCycle.find(cycles(product), version);
    }

    /** What the completion-date rule needs: the product and version as typed plus what endoflife.date knows. */
    @Override
    public SupportWindow window(String product, String version) {
        Optional<SupportCycle> found = cycle(product, version);
        // Name the cycle endoflife.date dates ("4.2"), not the patch release typed ("4.2.16").
        return new SupportWindow(product, found.map(SupportCycle::cycle).orElse(version), found);
    }

    /** Every cycle of a product, newest first as endoflife.date lists them; empty when unknown or unavailable. */
    public List<SupportCycle> cycles(String product) {
        return fetchCached(product).cycles();
    }

    @Override
    public SupportLookup lookup(String product, String version) {
        Fetched fetched = fetchCached(product);
        Optional<SupportCycle> found = SupportCycle.find(fetched.cycles(), version);
        SupportWindow window = new SupportWindow(product, found.map(SupportCycle::cycle).orElse(version), found);
        SupportLookup.Outcome outcome = found.isPresent()
                ? SupportLookup.Outcome.FOUND
                : fetched.outcome() == SupportLookup.Outcome.FOUND
                        ? SupportLookup.Outcome.UNKNOWN_VERSION
                        : fetched.outcome();
        return new SupportLookup(outcome, window, fetched.cycles());
    }

    /** A product's cycles, or why there are none (FOUND: the product is known). */
    private record Fetched(SupportLookup.Outcome outcome, List<SupportCycle> cycles) {
        static Fetched failed(SupportLookup.Outcome outcome) {
            return new Fetched(outcome, List.of());
        }
    }

    private Fetched fetchCached(String product) {
        String p = product == null ? "" : product.strip().toLowerCase(Locale.ROOT);
        if (!PRODUCT.matcher(p).matches()) {
            LOG.infof("endoflife.date: '%s' is not a product id, not asking", product);
            return Fetched.failed(SupportLookup.Outcome.UNKNOWN_PRODUCT);
        }
        Cached cached = cache.get(p);
        if (cached != null && cached.at().plus(cacheTtl).isAfter(clock.instant())) {
            return new Fetched(SupportLookup.Outcome.FOUND, cached.cycles());
        }
        Fetched fetched = fetch(p);
        if (fetched.outcome() == SupportLookup.Outcome.FOUND) {
            cache.put(p, new Cached(clock.instant(), fetched.cycles()));
        }
        return fetched;
    }

    private Fetched fetch(String product) {
        URI uri = baseUrl.resolve("api/" + product + ".json");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("User-Agent", "upgrade-bot").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                LOG.infof("endoflife.date does not know product '%s' (404)", product);
                return Fetched.failed(SupportLookup.Outcome.UNKNOWN_PRODUCT);
            }
            if (response.statusCode() != 200) {
                LOG.warnf("endoflife.date answered %d for %s", response.statusCode(), uri);
                return Fetched.failed(SupportLookup.Outcome.UNAVAILABLE);
            }
            JsonNode root = mapper.readTree(response.body());
            if (root == null || !root.isArray()) {
                LOG.warnf("endoflife.date answered something other than a list for %s", uri);
                return Fetched.failed(SupportLookup.Outcome.UNAVAILABLE);
            }
            List<SupportCycle> cycles = new ArrayList<>();
            for (JsonNode node : root) {
                if (node.isObject()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = mapper.convertValue(node, Map.class);
                    SupportCycle.fromFields(fields).ifPresent(cycles::add);
                }
            }
            return new Fetched(SupportLookup.Outcome.FOUND, List.copyOf(cycles));
        } catch (IOException e) {
            LOG.warnf("endoflife.date unavailable for %s: %s", uri, e.toString());
            return Fetched.failed(SupportLookup.Outcome.UNAVAILABLE);
        } catch (RuntimeException e) {
            // A malformed answer must not reach the person filling the modal as a stack trace.
            LOG.warnf("endoflife.date answer for %s could not be read: %s", uri, e.toString());
            return Fetched.failed(SupportLookup.Outcome.UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.failed(SupportLookup.Outcome.UNAVAILABLE);
        }
    }
}
