/**
 * Reading and writing weighted point clouds as CSV ({@link io.github.ot4j.core.io.PointCloudCsv}).
 */
package io.github.ot4j.core.io;
