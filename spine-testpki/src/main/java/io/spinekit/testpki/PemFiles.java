package io.spinekit.testpki;

import java.nio.file.Path;

/**
 * Paths of a certificate chain and its key written as PEM.
 *
 * @param certificate the chain file
 * @param privateKey the key file
 */
public record PemFiles(Path certificate, Path privateKey) {
}
