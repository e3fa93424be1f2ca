package io.spinekit.wes.internal;

import io.spinekit.wes.OsProduct;
import java.util.Optional;
import java.util.Set;

/**
 * The platform an authenticator row names in its header (e.g. "Apple iPad iOS version 11 or above"),
 * for rows whose OS columns are all "N/A".
 *
 * @param os the operating systems it runs on
 * @param minimumMajorVersion the lowest major version, if the header names one
 */
public record PlatformRequirement(Set<OsProduct> os, Optional<Integer> minimumMajorVersion) {
}
