package io.upgradebot.domain;

import static io.upgradebot.domain.Step.CREATE_PRS;
import static io.upgradebot.domain.Step.DEPLOY;
import static io.upgradebot.domain.Step.MERGE;
import static io.upgradebot.domain.Step.MONITOR;
import static io.upgradebot.domain.Step.PLAN_AND_AUTOMATE;
import static io.upgradebot.domain.Step.REVIEW;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured "Owner Does" levels, TBD first, in the order people see them (modal selects, board options).
 *
 * <p>Config format ({@link #parse}): levels separated by {@code ;} or newlines, each
 * {@code key|Label|owner steps[|orchestration steps[|note]]}. Steps are comma-separated keys ({@code plan},
 * {@code create-prs}, {@code review}, {@code merge}, {@code deploy}, {@code monitor}); empty owner steps = the
 * owner does nothing; orchestration steps left out = every step the owner does not do; an empty key = the slug of
 * the label. A TBD entry ({@code TBD|TBD|}) may be given to rename it; otherwise TBD is added first. Example:
 * {@code hands-off|Hands-off|;diy|DIY|create-prs,review,merge,deploy,monitor|plan}.
 */
public record OwnerDoesLevels(List<OwnerDoesLevel> levels) {

    public OwnerDoesLevels {
        List<OwnerDoesLevel> list = new ArrayList<>();
        OwnerDoesLevel tbd = levels.stream().filter(OwnerDoesLevel::isTbd).findFirst().orElse(OwnerDoesLevel.tbd());
        list.add(tbd);
        levels.stream().filter(l -> !l.isTbd()).forEach(list::add);
        Set<String> keys = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (OwnerDoesLevel l : list) {
            if (!keys.add(l.key().toLowerCase(Locale.ROOT)) || !labels.add(l.label().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "service level '" + l.key() + "' / '" + l.label() + "' is listed twice");
            }
        }
        if (list.size() < 2) {
            throw new IllegalArgumentException("configure at least one service level besides TBD");
        }
        levels = List.copyOf(list);
    }

    /** The six Open edX Upgrade Service Levels (domain-facts.md), after TBD. */
    public static OwnerDoesLevels defaults() {
        return new OwnerDoesLevels(List.of(
                new OwnerDoesLevel("owner-does-everything", "Owner does everything",
                        EnumSet.of(CREATE_PRS, REVIEW, MERGE, DEPLOY, MONITOR), EnumSet.of(PLAN_AND_AUTOMATE), ""),
                new OwnerDoesLevel("owner-reviews-merges-deploys-and-monitors",
                        "Owner reviews, merges, deploys, and monitors",
                        EnumSet.of(REVIEW, MERGE, DEPLOY, MONITOR), EnumSet.of(PLAN_AND_AUTOMATE, CREATE_PRS), ""),
                new OwnerDoesLevel("owner-reviews-and-merges", "Owner reviews and merges",
                        EnumSet.of(REVIEW, MERGE), EnumSet.of(PLAN_AND_AUTOMATE, CREATE_PRS), ""),
                new OwnerDoesLevel("owner-deploys-and-monitors", "Owner deploys and monitors",
                        EnumSet.of(DEPLOY, MONITOR), EnumSet.of(PLAN_AND_AUTOMATE, CREATE_PRS, REVIEW, MERGE),
                        "(with notice)"),
                new OwnerDoesLevel("owner-reviews", "Owner reviews",
                        EnumSet.of(REVIEW), EnumSet.of(PLAN_AND_AUTOMATE, CREATE_PRS, MERGE), ""),
                new OwnerDoesLevel("owner-offers-advice", "Owner offers advice",
                        Set.of(), EnumSet.of(PLAN_AND_AUTOMATE, CREATE_PRS, REVIEW, MERGE), "")));
    }

    /**
     * The older four-level scheme. Its pages named the levels but not a step split; this one reads the names:
     * Hands-off = the orchestration team does everything; Trust but verify = the orchestration team changes and
     * merges, the owner verifies in its deployment (deploy, monitor); Review everything = the owner reviews and
     * merges every PR and deploys; DIY = the owner does all but the planning and automation.
     */
    public static OwnerDoesLevels legacyFourLevels() {
        return new OwnerDoesLevels(List.of(
                new OwnerDoesLevel("hands-off", "Hands-off", Set.of()),
                new OwnerDoesLevel("trust-but-verify", "Trust but verify", EnumSet.of(DEPLOY, MONITOR)),
                new OwnerDoesLevel("review-everything", "Review everything",
                        EnumSet.of(REVIEW, MERGE, DEPLOY, MONITOR)),
                new OwnerDoesLevel("diy", "DIY", EnumSet.of(CREATE_PRS, REVIEW, MERGE, DEPLOY, MONITOR))));
    }

    /**
     * Parses the config format described on the class.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static OwnerDoesLevels parse(String text) {
        List<OwnerDoesLevel> levels = new ArrayList<>();
        for (String entry : (text == null ? "" : text).split("[;\\n]")) {
            String e = entry.strip();
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            String[] parts = e.split("\\|", -1);
            if (parts.length < 3 || parts.length > 5 || parts[1].isBlank()) {
                throw new IllegalArgumentException("service level '" + e
                        + "' is not key|Label|owner steps[|orchestration steps[|note]]");
            }
            String label = parts[1].strip();
            String key = parts[0].isBlank() ? Slug.of(label) : parts[0].strip();
            Set<Step> owner = steps(parts[2], e);
            Set<Step> orchestration = parts.length >= 4 ? steps(parts[3], e) : OwnerDoesLevel.complement(owner);
            levels.add(new OwnerDoesLevel(key, label, owner, orchestration, parts.length == 5 ? parts[4] : ""));
        }
        return new OwnerDoesLevels(levels);
    }

    private static Set<Step> steps(String text, String entry) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (String s : text.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            steps.add(Step.find(s).orElseThrow(() -> new IllegalArgumentException("service level '" + entry + "': '"
                    + s.strip() + "' is not a step (plan, create-prs, review, merge, deploy, monitor)")));
        }
        return steps;
    }

    /** The config form; {@code parse(format())} gives an equal list. */
    public String format() {
        return levels.stream().map(l -> l.key() + "|" + l.label() + "|" + keys(l.ownerSteps()) + "|"
                + keys(l.orchestratorSteps()) + (l.orchestratorNote().isEmpty() ? "" : "|" + l.orchestratorNote()))
                .collect(Collectors.joining(";"));
    }

    private static String keys(Set<Step> steps) {
        return steps.stream().map(Step::key).collect(Collectors.joining(","));
    }

    public OwnerDoesLevel tbd() {
        return levels.get(0);
    }

    /** Every level but TBD: what an owner can choose. */
    public List<OwnerDoesLevel> choosable() {
        return levels.subList(1, levels.size());
    }

    /** The board's "Owner Does" option names, TBD first. */
    public List<String> labels() {
        return levels.stream().map(OwnerDoesLevel::label).toList();
    }

    /** Case-insensitive, so "tbd" finds TBD. */
    public Optional<OwnerDoesLevel> byKey(String key) {
        return levels.stream().filter(l -> l.key().equalsIgnoreCase(key == null ? "" : key.strip())).findFirst();
    }

    /** Case-insensitive: the board's option name as a person may have typed it. */
    public Optional<OwnerDoesLevel> byLabel(String label) {
        return levels.stream().filter(l -> l.label().equalsIgnoreCase(label == null ? "" : label.strip())).findFirst();
    }

    /** "Owning team: review, merge · Orchestration team: plan & automate, create PRs". */
    public String explain(OwnerDoesLevel level) {
        return level.explain();
    }
}
