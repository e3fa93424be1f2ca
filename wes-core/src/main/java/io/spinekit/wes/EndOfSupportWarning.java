package io.spinekit.wes;

import java.time.LocalDate;

/**
 * A warning that a product in the assessed environment is past its vendor's end of support as of
 * the assessment date. The WES verdict does not change; NHS Digital asks organisations to follow
 * vendor support roadmaps.
 *
 * @param product the product's enum name
 * @param label the product's name
 * @param endOfSupport the end-of-support date
 * @param event e.g. {@code "end of extended support"}
 * @param message a readable warning
 */
public record EndOfSupportWarning(String product, String label, LocalDate endOfSupport, String event, String message) {
}
