/**
 * Resolution: the investigation (on hold, reassigned, resolved), reopening, and the caller's answer to a
 * resolution, given on the caller's behalf or through the links of the resolution mail.
 */
package io.incidentflow.resolution;
