// Tasklist's configuration, overriding the one in Camunda's webjar (the Spring Boot starter serves this
// file from the application's jar). Everything but customScripts is Camunda's default.
export default {
  // The incident workspace: the incident record beside every task, the SLA on each card, and
  // "Find incident" in the navigation bar (scripts/incident-workspace/plugin.js).
  // "Knowledge" in the navigation bar: known errors and reusable resolutions (scripts/knowledge/plugin.js);
  // the Major incident tab (scripts/major-incident/plugin.js).
  customScripts: ['scripts/incident-workspace/plugin', 'scripts/knowledge/plugin', 'scripts/major-incident/plugin'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
