package io.upgradebot.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.upgradebot.config.UpgradeBotConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Cuts off a client that sends its request body too slowly. Quarkus' idle timeout ({@code quarkus.http.idle-timeout})
 * closes a connection on which nothing arrives, but a client that trickles a byte now and then never looks idle and
 * would hold its connection and its partly read request for as long as it likes (slowloris). Every request therefore
 * gets {@code upgrade-bot.http.body-timeout} from the moment its headers are in; a request still not whole by then
 * is answered 408 and its connection closed. A timer per request is the whole cost: it is cancelled when the answer
 * has been written, and it touches nothing while the request is whole.
 */
@Singleton
public class StalledRequests {

    private static final Logger LOG = Logger.getLogger(StalledRequests.class);

    /** Metric: requests whose body had not fully arrived within the body timeout, and were cut off. */
    public static final String METRIC = "upgradebot.http.requests.stalled";

    private final long timeoutMillis;
    private final Counter stalled;

    public StalledRequests(UpgradeBotConfig config, MeterRegistry metrics) {
        this.timeoutMillis = Math.max(1, config.http().bodyTimeout().toMillis());
        this.stalled = metrics.counter(METRIC);
    }

    void install(@Observes Router router) {
        // ahead of every other route (the Slack and GitHub endpoints, health, metrics)
        router.route().order(Integer.MIN_VALUE).handler(this::watch);
    }

    private void watch(RoutingContext ctx) {
        if (ctx.request().isEnded()) {
            ctx.next();
            return;
        }
        long timer = ctx.vertx().setTimer(timeoutMillis, id -> cutOff(ctx));
        ctx.addEndHandler(ignored -> ctx.vertx().cancelTimer(timer));
        ctx.next();
    }

    private void cutOff(RoutingContext ctx) {
        if (ctx.request().isEnded()) {
            return; // the request is whole: whatever is slow now is the answer, not the client
        }
        stalled.increment();
        LOG.debugf("Closed a connection whose request body had not arrived within %d ms", timeoutMillis);
        if (!ctx.response().ended() && !ctx.response().headWritten()) {
            ctx.response().setStatusCode(408).putHeader("Connection", "close").end("Request body too slow")
                    .onComplete(done -> ctx.request().connection().close());
        } else {
            ctx.request().connection().close();
        }
    }
}
