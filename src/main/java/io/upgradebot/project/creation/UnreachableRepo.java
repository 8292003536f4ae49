package io.upgradebot.project.creation;

/** A repository named for a project that the bot cannot create an issue in, and why (for the person to confirm). */
public record UnreachableRepo(String repo, String why) {
}
