/**
 * Implementation details shared by the ot4j modules: argument checks. Not part of the API; may change
 * in any release.
 */
package io.github.ot4j.core.internal;
