// Workflow interceptors (bundled into the workflow code of one test worker): the workflow task
// that accepted a claim fails if the claim's handler also finished inside it, the way a task fails
// when its worker dies or its completion is refused after its local work ran. Such an attempt is
// discarded by Temporal; whatever it wrote to the read model must not stand.
import {
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
  workflowInfo,
} from '@temporalio/workflow';

const FAILING_UPDATE = 'claimTask';

const failAfterClaimInSameTask: WorkflowInboundCallsInterceptor = {
  async handleUpdate(input, next) {
    const acceptedIn = workflowInfo().historyLength;
    const result = await next(input);
    if (input.name === FAILING_UPDATE && workflowInfo().historyLength === acceptedIn)
      // Not a Temporal failure: the SDK fails the workflow task, not the update.
      throw new Error('injected: the workflow task that accepted this claim fails after its local work');
    return result;
  },
};

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [failAfterClaimInSameTask] });
