package io.spinekit.wes.internal;

import io.spinekit.wes.OsProduct;
import java.util.Optional;

/**
 * An operating system an OS column covers, and the release it requires (e.g. Windows 7 with {@code SP1}).
 *
 * @param product the product
 * @param release the required release (service pack), if the header names one
 */
public record OsRequirement(OsProduct product, Optional<String> release) {
}
