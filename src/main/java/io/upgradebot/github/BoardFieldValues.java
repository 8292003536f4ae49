package io.upgradebot.github;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The value a SET_BOARD_FIELD payload writes, shaped by the field's data type as read from the board: boards differ
 * per organisation (Source or Owner may be a text field where another board has a single-select). A value that
 * cannot fit the field fails the write for good, with the field's name and type in the reason.
 */
final class BoardFieldValues {
    private BoardFieldValues() {
    }

    /** {@code option} is the value as planned; {@code optionId} a single-select option's id when already known. */
    static GitHubTypes.FieldValue of(GitHubTypes.BoardField field, String option, String optionId) {
        String value = option == null ? "" : option;
        switch (field.dataType()) {
            case GitHubTypes.BoardField.SINGLE_SELECT -> {
                String id = optionId != null && !optionId.isBlank()
                        ? optionId
                        : field.option(value).map(GitHubTypes.Option::id).orElseThrow(() -> refused(field,
                                "has no option \"" + value + "\" (enqueue ENSURE_BOARD_OPTION first)"));
                return GitHubTypes.FieldValue.singleSelect(id);
            }
            case GitHubTypes.BoardField.TEXT -> {
                return GitHubTypes.FieldValue.text(required(field, value));
            }
            case GitHubTypes.BoardField.NUMBER -> {
                try {
                    return GitHubTypes.FieldValue.number(Double.parseDouble(required(field, value).strip()));
                } catch (NumberFormatException e) {
                    throw refused(field, "is a number field; \"" + value + "\" is not a number");
                }
            }
            case GitHubTypes.BoardField.DATE -> {
                try {
                    return GitHubTypes.FieldValue.date(LocalDate.parse(required(field, value).strip()));
                } catch (DateTimeParseException e) {
                    throw refused(field, "is a date field; \"" + value + "\" is not a date (YYYY-MM-DD)");
                }
            }
            default -> throw refused(field, "is a " + field.dataType() + " field; the bot writes single-select, "
                    + "text, number and date fields only");
        }
    }

    private static String required(GitHubTypes.BoardField field, String value) {
        if (value.isBlank()) {
            throw refused(field, "needs a value (payload field \"option\")");
        }
        return value;
    }

    private static GitHubException.Permanent refused(GitHubTypes.BoardField field, String why) {
        return new GitHubException.Permanent(422, "board field \"" + field.name() + "\" " + why, null);
    }
}
