/**
 * Metrics, each with its formula in the Javadoc: IoU, accuracy, precision and recall, max-F-beta, MAE, CorLoc,
 * superpixel boundary recall, undersegmentation error, achievable accuracy, Hungarian-matched mIoU, and the object-level
 * scores of several objects per image. It may use {@code org.supercuts.image}.
 */
package org.supercuts.eval.metrics;
