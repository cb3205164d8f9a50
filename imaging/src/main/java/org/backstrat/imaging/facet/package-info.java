/**
 * Facet joint geometry on axial slices: each joint's orientation from its segmented joint space,
 * its angle to the mid-sagittal line, and facet tropism (DESIGN.md, "Imaging").
 */
package org.backstrat.imaging.facet;
