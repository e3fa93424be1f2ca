package io.spinekit.wes;

import java.time.LocalDate;
import java.util.List;

/**
 * The edition of the WES the data comes from.
 *
 * @param date the edition date (2021-09-01 for the bundled data)
 * @param lastEdited the page's own wording, e.g. {@code "Last edited: 1 September 2021 1:43 pm"}
 * @param title the page title
 * @param publisher the publisher
 * @param provenance where the data comes from and what was interpreted
 * @param statements general statements of the WES that apply to every assessment
 * @param source the data file's name
 */
public record WesEdition(LocalDate date, String lastEdited, String title, String publisher, String provenance,
        List<String> statements, String source) {
}
