/**
 * Pictures of results for people: overlays drawn layer by layer over the photo ({@link org.supercuts.render.Overlay}),
 * the standard overlay, the objects-and-parts overlay and level strips of a segmentation ({@link org.supercuts.render.Pictures}), and deterministic
 * colours for numbered objects and parts ({@link org.supercuts.render.Palette}). It may use {@code org.supercuts},
 * {@code org.supercuts.image}, {@code org.supercuts.objects}.
 */
package org.supercuts.render;
