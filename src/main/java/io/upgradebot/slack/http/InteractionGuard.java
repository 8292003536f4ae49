package io.upgradebot.slack.http;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.upgradebot.project.InteractionTargets;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.api.SlackGateway;
import io.upgradebot.slack.view.FinishedProject;
import io.upgradebot.slack.view.LoadingModal;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * The one place where an interaction that does not fit the bot is recognised: a button whose value its handler cannot
 * read, one of a project or scheduled message that no longer exists, an action id the bot never rendered (an old
 * message), a modal whose private_metadata is not ours. Such a request is input, not a failure of the bot: it is
 * acknowledged, logged in one line (no stack trace), changes nothing, and the person who clicked is told under the
 * message (via the response_url, after the ack) that the button is no longer valid. A submitted modal is replaced
 * by the same word.
 *
 * <p>Before a handler runs, its button's value is checked against what its {@link ActionIds} kind says it carries;
 * what a handler finds out itself (it reads the request in its own way) it reports by throwing {@link Stale}, and
 * the usual exceptions of reading malformed input (a number that is none, JSON that is not ours, a missing element)
 * are treated alike. Anything else a handler throws is a failure of the bot and goes on to be answered 500.
 */
@Singleton
public class InteractionGuard {

    private static final Logger LOG = Logger.getLogger(InteractionGuard.class);

    public static final String STALE_BUTTON = ":warning: This button is no longer valid: what it was for has changed "
            + "or is gone. Run the `/upgrade` command again for a current one.";
    static final String STALE_FORM = ":warning: This form is no longer valid: what it was for has changed or is gone. "
            + "Close it and start again.";

    /** Thrown by a handler when the request names something that does not exist (any more). No stack trace. */
    public static final class Stale extends RuntimeException {
        public Stale(String what) {
            super(what, null, false, false);
        }
    }

    private final AfterAck afterAck;
    private final SlackGateway slack;
    private final InteractionTargets targets;

    public InteractionGuard(AfterAck afterAck, SlackGateway slack, InteractionTargets targets) {
        this.afterAck = afterAck;
        this.slack = slack;
        this.targets = targets;
    }

    /** Runs the handler of a block action of kind {@code kind} unless the click is stale or malformed. */
    Response blockAction(ActionIds kind, BlockActionRequest req, Callable<Response> handler) throws Exception {
        String problem = problem(kind, req.getPayload());
        if (problem != null) {
            return staleClick(req, problem);
        }
        Optional<String> finished = finished(kind, req.getPayload());
        if (finished.isPresent()) {
            return tell(req, FinishedProject.mrkdwn(finished.get(), finished.get()));
        }
        try {
            return handler.call();
        } catch (Exception e) {
            if (causedByInput(e)) {
                return staleClick(req, describe(e));
            }
            throw e;
        }
    }

    /** Runs a modal's submit handler; a submission it cannot read replaces the modal with a short notice. */
    Response viewSubmission(String callbackId, ViewSubmissionContext ctx, Callable<Response> handler) throws Exception {
        try {
            return handler.call();
        } catch (Exception e) {
            if (!causedByInput(e)) {
                throw e;
            }
            LOG.infof("Answered a Slack modal submission (%s) that no longer fits: %s", clip(callbackId), describe(e));
            return ctx.ackWithUpdate(LoadingModal.notice(STALE_FORM));
        }
    }

    /**
     * A request no handler matched. A block action of an id the bot renders without a handler (link buttons) is only
     * acknowledged; any other action id is a stale button. Other request types are acknowledged: Slack shows an error
     * for anything but a 200, and Socket Mode needs the ack.
     */
    Response unmatched(Request<?> req) {
        if (req.getRequestType() == RequestType.BlockAction) {
            BlockActionPayload p = ((BlockActionRequest) req).getPayload();
            BlockActionPayload.Action action = first(p);
            if (action != null && ActionIds.kindOf(action.getActionId()) == null && action.getUrl() == null) {
                return staleClick((BlockActionRequest) req, "no handler for action id " + clip(action.getActionId()));
            }
        }
        LOG.infof("No handler for a Slack %s request; acknowledged", req.getRequestType());
        return Response.ok();
    }

    /** Whether a handler's exception comes from reading the request (malformed or stale), not from the bot. */
    public static boolean causedByInput(Throwable e) {
        return e instanceof Stale || e instanceof IllegalArgumentException || e instanceof IndexOutOfBoundsException
                || e instanceof NoSuchElementException || e instanceof DateTimeException
                || e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof com.google.gson.JsonParseException;
    }

    /** One line: the exception and the first frame of ours (or the first at all) it went through. */
    public static String describe(Throwable e) {
        if (e instanceof Stale) {
            return clip(e.getMessage());
        }
        StackTraceElement where = null;
        for (StackTraceElement f : e.getStackTrace()) {
            if (where == null || f.getClassName().startsWith("io.upgradebot.")) {
                where = f;
                if (f.getClassName().startsWith("io.upgradebot.")) {
                    break;
                }
            }
        }
        return e.getClass().getSimpleName() + ": " + clip(String.valueOf(e.getMessage()))
                + (where == null
                        ? ""
                        : " (at " + where.getClassName() + "." + where.getMethodName() + ":"
                                + where.getLineNumber() + ")");
    }

    private Response staleClick(BlockActionRequest req, String problem) {
        BlockActionPayload p = req.getPayload();
        BlockActionPayload.Action action = first(p);
        String user = p.getUser() == null ? null : p.getUser().getId();
        LOG.infof("Answered a stale or malformed Slack click (%s by %s): %s",
                action == null ? "no action" : clip(action.getActionId()), clip(user), problem);
        String url = p.getResponseUrl();
        if (url != null && user != null) {
            afterAck.run(() -> {
                try {
                    slack.respond(url, STALE_BUTTON, List.of(), false);
                } catch (SlackGateway.SlackException e) {
                    LOG.infof("Could not tell %s that a button is no longer valid: %s", clip(user), e.error());
                }
            });
        }
        return Response.ok();
    }

    /** The slug of the finished project a button of a project or a scheduled message would change, if any. */
    private Optional<String> finished(ActionIds kind, BlockActionPayload p) {
        String value = first(p).getValue();
        return switch (kind.value()) {
            case PROJECT -> targets.finishedProject(number(value), null);
            case SCHEDULED_MESSAGE -> targets.finishedProject(null,
                    number(value.indexOf(':') < 0 ? value : value.substring(0, value.indexOf(':'))));
            default -> Optional.empty();
        };
    }

    /** Acknowledges a click that changes nothing and tells the person why, under the message. */
    private Response tell(BlockActionRequest req, String mrkdwn) {
        String url = req.getPayload().getResponseUrl();
        if (url != null) {
            afterAck.run(() -> {
                try {
                    slack.respond(url, ":lock: " + mrkdwn, List.of(), false);
                } catch (SlackGateway.SlackException e) {
                    LOG.infof("Could not tell why a button changes nothing: %s", e.error());
                }
            });
        }
        return Response.ok();
    }

    /** What is wrong with the click's value for {@code kind}, or null when its handler may read it. */
    private String problem(ActionIds kind, BlockActionPayload p) {
        BlockActionPayload.Action action = first(p);
        if (action == null) {
            return "a block action without an action";
        }
        String value = action.getValue();
        switch (kind.value()) {
            case NUMBER :
                return number(value) == null ? "value " + clip(value) + " is not a number" : null;
            case SUFFIX_ID :
                return number(ActionIds.suffixOf(action.getActionId())) == null
                        ? "action id "
                                + clip(action.getActionId()) + " does not end in an id"
                        : null;
            case PROJECT : {
                Long id = number(value);
                if (id == null) {
                    return "value " + clip(value) + " is not a project id";
                }
                return targets.projectExists(id) ? null : "project " + id + " does not exist";
            }
            case SCHEDULED_MESSAGE : {
                int colon = value == null ? -1 : value.indexOf(':');
                Long id = number(colon < 0 ? value : value.substring(0, colon));
                if (id == null) {
                    return "value " + clip(value) + " is not a scheduled message id";
                }
                return targets.scheduledMessageExists(id)
                        ? null
                        : "scheduled message " + id + " does not exist";
            }
            default :
                return null;
        }
    }

    private static BlockActionPayload.Action first(BlockActionPayload p) {
        return p == null || p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0);
    }

    private static Long number(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    /** Client-chosen text, bounded for the log. */
    private static String clip(String s) {
        if (s == null) {
            return "null";
        }
        String one = s.replaceAll("[\\r\\n\\t]", " ");
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }
}
