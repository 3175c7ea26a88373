// Dynamic-config flags for `temporal server start-dev`: Updates (agent actions) and
// Update-with-Start (ExecuteMultiOperation) are on by default in current servers, but older CLIs
// ship them disabled; the flags are harmless where they are already on. Used by start-up, the
// test suites' servers and the benches alike.
export const DEV_SERVER_UPDATE_FLAGS: readonly string[] = [
  '--dynamic-config-value',
  'frontend.enableUpdateWorkflowExecution=true',
  '--dynamic-config-value',
  'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
  '--dynamic-config-value',
  'frontend.enableExecuteMultiOperation=true',
];
