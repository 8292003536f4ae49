package io.upgradebot.domain;

import java.util.Optional;

/**
 * The owning team of a repository and where it was found.
 *
 * <p>Team spellings follow the source: catalog-info gives the Backstage group name ({@code arch-bom}),
 * CODEOWNERS the GitHub team ({@code openedx/arch-bom}) or user, the mapping whatever it says;
 * {@link #teamName()} gives the part after the last {@code /} for lookups that want the bare name.
 *
 * @param team   empty when unknown: the bot shows "unknown" and never guesses
 * @param source {@link #CATALOG_INFO}, {@link #CODEOWNERS}, {@link #MAPPING} or {@link #UNKNOWN}
 */
public record OwnerResolution(Optional<String> team, String source) {

    public static final String CATALOG_INFO = "catalog-info";
    public static final String CODEOWNERS = "codeowners";
    public static final String MAPPING = "mapping";
    public static final String UNKNOWN = "unknown";

    public static OwnerResolution unknown() {
        return new OwnerResolution(Optional.empty(), UNKNOWN);
    }

    public boolean isKnown() {
        return team.isPresent();
    }

    /** {@code openedx/arch-bom} -> {@code arch-bom}. */
    public Optional<String> teamName() {
        return team.map(t -> t.substring(t.lastIndexOf('/') + 1));
    }

    /** The source for storage, null when unknown (project_repo.owner_source). */
    public String sourceOrNull() {
        return isKnown() ? source : null;
    }
}
