/**
 * The web layer's doors and what stands at each (authentication, screens, answers), health, the administrator
 * check, the demo profile's exposure, and draining on shutdown.
 */
package io.incidentflow.config;
