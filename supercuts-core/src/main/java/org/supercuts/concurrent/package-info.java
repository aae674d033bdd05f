/**
 * Shared support for splitting one computation over a few threads deterministically (row bands of an image, claimed
 * from a counter). It may use no other SuperCuts package.
 */
package org.supercuts.concurrent;
