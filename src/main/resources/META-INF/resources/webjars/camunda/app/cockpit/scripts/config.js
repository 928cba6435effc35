// Cockpit's configuration, overriding the one in Camunda's webjar (the Spring Boot starter serves this
// file from the application's jar). Camunda's default sets nothing (every option there is commented out),
// so this holds only what Incident Flow adds.
export default {
  // The "Incidents" dashboard for managers and the waiting incidents on the process diagram
  // (scripts/incident-dashboard/plugin.js).
  customScripts: ['scripts/incident-dashboard/plugin']
};
