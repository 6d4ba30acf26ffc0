/**
 * Internals of the critic module (array conversion, the dense-network algebra behind the gradient penalty);
 * not API, may change without notice.
 */
package io.github.ot4j.critic.internal;
