/**
 * Internals of the WGAN trainer (seeds, updater installation, finiteness checks); not API.
 */
package io.github.ot4j.gan.internal;
