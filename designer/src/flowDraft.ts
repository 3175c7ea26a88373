// Reading and writing a ticket type's draft flow and its deployed versions.
import { api, ApiProblem } from './api/http.js';
import type { DeployResult, FlowDraft, FlowVersion, ProblemAt } from './api/types.js';

const flowPath = (typeId: string) => `/api/ticket-types/${encodeURIComponent(typeId)}/flow`;

/** The draft route's 404 for a type that exists but has no draft (typed by the API's document). */
const NO_DRAFT: ProblemAt<'/api/ticket-types/{id}/flow', 'get', 404>['type'] =
  'https://baton.dev/problems/no-draft';

/** The draft's XML, or null when the type has none yet (the API answers 404 then). */
export async function loadDraft(typeId: string): Promise<string | null> {
  try {
    return (await api.get<FlowDraft>(flowPath(typeId))).xml;
  } catch (err) {
    // An unknown type answers `not-found` and stays an error.
    if (err instanceof ApiProblem && err.problem.type === NO_DRAFT) return null;
    throw err;
  }
}

export const saveDraft = (typeId: string, xml: string) => api.put<unknown>(flowPath(typeId), { xml });

/** Deploys the stored draft: save first, so what is deployed is what the user sees. */
export const deployDraft = (typeId: string) => api.post<DeployResult>(`${flowPath(typeId)}/deploy`, {});

export const loadVersion = (versionId: string) =>
  api.get<FlowVersion>(`/api/flow-versions/${encodeURIComponent(versionId)}`);

/** Restoring copies a deployed version's XML into the draft; the version itself never changes. */
export async function restoreVersion(typeId: string, versionId: string): Promise<string> {
  const version = await loadVersion(versionId);
  await saveDraft(typeId, version.xml);
  return version.xml;
}
