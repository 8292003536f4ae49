package io.upgradebot.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.List;

/**
 * The other half of the suite-wide Block Kit check: what the bot answers Slack in the ack itself (an ephemeral
 * message for a slash command, {@code response_action: update|push} with a view for a modal) never passes through
 * the Slack fake, so it is checked where the suite receives it: every signed request {@link SlackSigner} sends to
 * {@code /slack/events} carries this filter. It sits on the client side of the HTTP exchange on purpose, so it
 * sees the bytes Slack would see however the server writes them.
 */
public final class SlackAckLimitsFilter implements Filter {

    public static final SlackAckLimitsFilter INSTANCE = new SlackAckLimitsFilter();

    private SlackAckLimitsFilter() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        Response answer = ctx.next(request, response);
        String body = answer.asString();
        List<String> violations = BlockKitLimits.checkAckBody(body);
        if (!violations.isEmpty()) {
            BlockKitLimits.record("ack to Slack on " + request.getURI(), violations);
        }
        return answer;
    }
}
